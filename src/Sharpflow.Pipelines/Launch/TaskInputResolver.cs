using System.Text;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Cel;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// Binds a task's inputs, in KFP's order: each source (parent input, upstream output, constant, final
/// status); constants get job placeholders and references to the task's other inputs (f-strings)
/// substituted; then the CEL selector; then the type check against the component. An input with no
/// value is left out when the component makes it optional or gives a default (applied at launch),
/// which is also how <c>ignore_upstream_failure</c> falls back to a default; otherwise it is an error.
/// </summary>
internal static class TaskInputResolver
{
    public static ResolvedTaskInputs Resolve(PipelineTaskSpec task, ComponentSpec component, ITaskInputSource source, TaskContext context)
    {
        var raw = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, spec) in task.InputParameters)
        {
            raw[name] = Source(name, spec, source);
        }

        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, spec) in task.InputParameters)
        {
            var value = spec.RuntimeValue is not null ? Constant(raw[name], raw, context) : raw[name];
            if (value is not null && !string.IsNullOrEmpty(spec.ParameterExpressionSelector))
            {
                value = Select(name, value, spec.ParameterExpressionSelector);
            }

            component.InputParameters.TryGetValue(name, out var definition);
            if (value is null)
            {
                if (definition is { IsRequired: true } && definition.ParameterType != ParameterType.TaskConfig)
                {
                    throw new LaunchException($"input parameter \"{name}\" has no value: {Describe(spec)} produced none, and the component gives no default");
                }

                continue;
            }

            if (definition is not null && definition.ParameterType != ParameterType.TaskConfig)
            {
                if (!ParameterValues.TryNormalize(value, definition.ParameterType, out value, out var error))
                {
                    throw new LaunchException($"input parameter \"{name}\" {error}");
                }
            }

            parameters[name] = value;
        }

        var artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>(StringComparer.Ordinal);
        foreach (var (name, spec) in task.InputArtifacts)
        {
            IReadOnlyList<RuntimeArtifact> list = [];
            var found = spec switch
            {
                { ComponentInputArtifact: { } parent } => source.TryGetParentArtifacts(parent, out list),
                { TaskOutputArtifact: { ProducerTask: { } producer, OutputArtifactKey: { } key } } =>
                    source.TryGetTaskOutputArtifacts(producer, key, out list),
                _ => false,
            };
            if (found && list.Count > 0)
            {
                artifacts[name] = list;
            }
            else if (!component.InputArtifacts.TryGetValue(name, out var definition) || !definition.IsOptional)
            {
                throw new LaunchException($"input artifact \"{name}\" has no value: {Describe(spec)} produced none");
            }
        }

        return new ResolvedTaskInputs(parameters, artifacts);
    }

    private static JsonNode? Source(string name, TaskInputParameterSpec spec, ITaskInputSource source)
    {
        switch (spec)
        {
            case { ComponentInputParameter: { } parent }:
                return source.TryGetParentParameter(parent, out var parentValue) ? parentValue?.DeepClone() : null;
            case { TaskOutputParameter: { ProducerTask: { } producer, OutputParameterKey: { } key } }:
                return source.TryGetTaskOutputParameter(producer, key, out var output) ? output?.DeepClone() : null;
            case { RuntimeValue: { } runtimeValue }:
                return runtimeValue.Constant?.DeepClone();
            case { TaskFinalStatus.ProducerTask: { } statusProducer }:
                return source.TryGetTaskFinalStatus(statusProducer, out var status)
                    ? status.DeepClone()
                    : throw new LaunchException($"input parameter \"{name}\" needs the final status of task \"{statusProducer}\", which has not finished");
            default:
                throw new LaunchException($"input parameter \"{name}\" has no source");
        }
    }

    /// <summary>
    /// A string constant may be exactly one reference to another input of the task (the value is taken
    /// as is, keeping its type), or text with references and job placeholders (an f-string).
    /// </summary>
    private static JsonNode? Constant(JsonNode? constant, Dictionary<string, JsonNode?> inputs, TaskContext context)
    {
        if (constant is not JsonValue value || !value.TryGetValue<string>(out var text) || !PlaceholderSyntax.Contains(text))
        {
            return constant;
        }

        var references = PlaceholderSyntax.Find(text);
        if (references is [{ Kind: PlaceholderKind.InputParameter } only] && only.Length == text.Length)
        {
            return inputs.TryGetValue(only.Name!, out var referenced) ? referenced?.DeepClone() : null;
        }

        var resolver = new PlaceholderResolver(new ExecutorInput(), context, ArtifactPaths.Kfp);
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var reference in references)
        {
            builder.Append(text, at, reference.Start - at);
            var placeholder = text.Substring(reference.Start, reference.Length);
            builder.Append(reference.Kind switch
            {
                PlaceholderKind.InputParameter => inputs.TryGetValue(reference.Name!, out var referenced) && referenced is not null
                    ? ParameterValues.ToText(referenced)
                    : "null",
                PlaceholderKind.ExecutorInput or PlaceholderKind.InputArtifact or PlaceholderKind.OutputArtifact
                    or PlaceholderKind.OutputParameter or PlaceholderKind.OutputMetadataFile => placeholder,
                _ => resolver.Resolve(placeholder),
            });
            at = reference.Start + reference.Length;
        }

        return JsonValue.Create(builder.Append(text, at, text.Length - at).ToString());
    }

    private static JsonNode? Select(string name, JsonNode value, string selector)
    {
        try
        {
            return KfpExpressions.Select(value, selector);
        }
        catch (CelException e)
        {
            throw new LaunchException($"input parameter \"{name}\": the selector {selector} failed: {e.Message}", e);
        }
    }

    private static string Describe(TaskInputParameterSpec spec) => spec switch
    {
        { ComponentInputParameter: { } parent } => $"the enclosing input \"{parent}\"",
        { TaskOutputParameter: { } output } => $"output \"{output.OutputParameterKey}\" of task \"{output.ProducerTask}\"",
        { TaskFinalStatus: { } status } => $"the final status of task \"{status.ProducerTask}\"",
        _ => "the constant",
    };

    private static string Describe(TaskInputArtifactSpec spec) => spec switch
    {
        { ComponentInputArtifact: { } parent } => $"the enclosing input artifact \"{parent}\"",
        { TaskOutputArtifact: { } output } => $"output artifact \"{output.OutputArtifactKey}\" of task \"{output.ProducerTask}\"",
        _ => "no source",
    };
}
