using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// Builds the argv of a container task: expands <c>IfPresent</c> and <c>Concat</c> anywhere in command and
/// args (presence judged on the task's own inputs, before defaults), applies defaults, then substitutes
/// placeholders in every element and in env values.
/// </summary>
internal static class CommandLineResolver
{
    public static ResolvedCommandLine Resolve(
        ContainerSpec container, ExecutorInput input, ComponentSpec component, TaskContext context, ArtifactPaths paths)
    {
        var present = input.PresentInputs();
        var launchInput = ExecutorInputDefaults.Apply(input, component);
        var resolver = new PlaceholderResolver(launchInput, context, paths);
        return new ResolvedCommandLine(
            Expand(container.Command, present, resolver),
            Expand(container.Args, present, resolver),
            container.Env
                .Where(e => !string.IsNullOrEmpty(e.Name))
                .GroupBy(e => e.Name!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => resolver.Resolve(g.Last().Value ?? string.Empty), StringComparer.Ordinal),
            launchInput);
    }

    private static List<string> Expand(IReadOnlyList<string> elements, IReadOnlySet<string> present, PlaceholderResolver resolver)
    {
        var argv = new List<string>(elements.Count);
        foreach (var element in elements)
        {
            if (StructuredArgument.TryParse(element, out var structure))
            {
                argv.AddRange(StructuredArgument.Expand(structure, present).Select(resolver.Resolve));
            }
            else
            {
                argv.Add(resolver.Resolve(element));
            }
        }

        return argv;
    }
}
