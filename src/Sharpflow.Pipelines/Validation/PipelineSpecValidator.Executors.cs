using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Validation;

public sealed partial class PipelineSpecValidator
{
    private void ValidateExecutor(string label, ExecutorSpec executor)
    {
        var path = $"deploymentSpec.executors.{label}";
        var kinds = new[] { ("container", executor.Container is not null), ("importer", executor.Importer is not null), ("resolver", executor.Resolver is not null) }
            .Where(k => k.Item2).Select(k => k.Item1).ToList();
        if (executor.CustomJob is not null)
        {
            Add($"{path}.customJob", "Vertex AI custom jobs are not supported; use a container");
        }
        else if (kinds.Count == 0)
        {
            Add(path, "needs one of container, importer or resolver");
        }
        else if (kinds.Count > 1)
        {
            Add(path, $"sets {string.Join(" and ", kinds)}; an executor has exactly one");
        }

        if (executor.Container is { } container && string.IsNullOrWhiteSpace(container.Image))
        {
            Add($"{path}.container.image", "is required");
        }

        if (executor.Importer is { } importer)
        {
            if (importer.ArtifactUri is not { } uri || (uri.Constant is null && string.IsNullOrEmpty(uri.RuntimeParameter)))
            {
                Add($"{path}.importer.artifactUri", "needs a constant or a runtimeParameter");
            }

            if (importer.TypeSchema is null)
            {
                Add($"{path}.importer.typeSchema", "is required: the type of the imported artifact");
            }
        }

        if (executor.Resolver is { OutputArtifactQueries.Count: 0 })
        {
            Add($"{path}.resolver.outputArtifactQueries", "needs at least one output artifact query");
        }
    }

    /// <summary>Placeholders and IfPresent names in an executor must name inputs and outputs the component declares.</summary>
    private void ValidateExecutorReferences(string componentName, ComponentSpec component, ExecutorSpec executor)
    {
        var path = $"deploymentSpec.executors.{component.ExecutorLabel}";
        if (executor.Importer?.ArtifactUri?.RuntimeParameter is { Length: > 0 } runtimeParameter
            && !component.InputParameters.ContainsKey(runtimeParameter))
        {
            Add($"{path}.importer.artifactUri.runtimeParameter", $"component \"{componentName}\" declares no input parameter \"{runtimeParameter}\"");
        }

        if (executor.Container is not { } container)
        {
            return;
        }

        foreach (var (field, elements) in new[] { ("command", container.Command), ("args", container.Args) })
        {
            for (var i = 0; i < elements.Count; i++)
            {
                var elementPath = $"{path}.container.{field}[{i}]";
                IEnumerable<string> strings = [elements[i]];
                if (StructuredArgument.TryParse(elements[i], out var structure))
                {
                    strings = StructuredArgument.Strings(structure);
                    foreach (var name in StructuredArgument.IfPresentNames(structure)
                        .Where(n => !component.InputParameters.ContainsKey(n) && !component.InputArtifacts.ContainsKey(n)))
                    {
                        Add(elementPath, $"IfPresent tests input \"{name}\", which component \"{componentName}\" does not declare");
                    }
                }

                foreach (var reference in strings.SelectMany(PlaceholderSyntax.Find))
                {
                    if (UndeclaredReference(reference, component) is { } what)
                    {
                        Add(elementPath, $"a placeholder refers to {what} \"{reference.Name}\", which component \"{componentName}\" does not declare");
                    }
                }
            }
        }
    }

    private static string? UndeclaredReference(PlaceholderReference reference, ComponentSpec component) => reference.Kind switch
    {
        PlaceholderKind.InputParameter when !component.InputParameters.ContainsKey(reference.Name!) => "input parameter",
        PlaceholderKind.InputArtifact when !component.InputArtifacts.ContainsKey(reference.Name!) => "input artifact",
        PlaceholderKind.OutputParameter when !component.OutputParameters.ContainsKey(reference.Name!) => "output parameter",
        PlaceholderKind.OutputArtifact when !component.OutputArtifacts.ContainsKey(reference.Name!) => "output artifact",
        _ => null,
    };

    /// <summary>A component whose DAG uses itself, directly or through others, would expand forever.</summary>
    private void ValidateComponentNesting()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in _spec.Components.Keys)
        {
            Visit(name, []);
        }

        void Visit(string name, List<string> chain)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    var cycle = chain[chain.IndexOf(name)..].Append(name);
                    var owner = chain[^1];
                    var task = _spec.Components[owner].Dag!.Tasks.First(t => t.Value.ComponentRef?.Name == name).Key;
                    Add($"components.{owner}.dag.tasks.{task}.componentRef.name", $"component \"{name}\" contains itself: {string.Join(" -> ", cycle)}");
                }

                return;
            }

            state[name] = false;
            chain.Add(name);
            foreach (var task in _spec.Components[name].Dag?.Tasks.Values ?? [])
            {
                if (task.ComponentRef?.Name is { } child && _spec.Components.ContainsKey(child))
                {
                    Visit(child, chain);
                }
            }

            chain.RemoveAt(chain.Count - 1);
            state[name] = true;
        }
    }
}
