using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Artifacts;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Launch;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// An importer task registers an existing URI (a constant, or one of its input parameters) with its type
/// and metadata (placeholders in metadata values resolved) as its output artifact. No process runs.
/// </summary>
internal sealed class ImporterTask(PipelineArtifactLayout layout)
{
    public void Run(RunContext run, ExecutionNode node, DateTimeOffset now)
    {
        var importer = run.Definition.Spec.FindExecutor(node.Component.ExecutorLabel)!.Importer!;
        var input = ExecutorInputDefaults.Apply(
            new ExecutorInput { ParameterValues = node.Inputs!.ParameterValues, Artifacts = node.Inputs.Artifacts }, node.Component);
        var inputs = InputsJson.Of(input.ParameterValues, input.Artifacts);
        var uriValue = importer.ArtifactUri?.RuntimeParameter is { Length: > 0 } parameter
            ? input.ParameterValues.GetValueOrDefault(parameter)
            : importer.ArtifactUri?.Constant;
        var uri = ParameterValues.ToText(uriValue);
        if (uri.Length == 0)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: "the importer's artifactUri has no value", amend: r => r with { Inputs = inputs });
            return;
        }

        var placeholders = new PlaceholderResolver(input, run.TaskContextFor(node), layout.Paths);
        var artifact = new RuntimeArtifact
        {
            Name = ArtifactIds.ForImport(uri, node.Id, importer.Reimport),
            Type = importer.TypeSchema,
            Uri = uri,
            Metadata = Resolve(importer.Metadata, placeholders) as JsonObject ?? [],
        };
        var output = node.Component.OutputArtifacts.Keys.FirstOrDefault() ?? "artifact";
        run.Finish(node, TaskExecutionState.Succeeded, now,
            new NodeOutputs { Artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { [output] = [artifact] } },
            amend: r => r with { Inputs = inputs, StartedAt = now });
    }

    private static JsonNode? Resolve(JsonNode? node, PlaceholderResolver placeholders) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, placeholders)))),
        JsonArray array => new JsonArray([.. array.Select(item => Resolve(item, placeholders))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(placeholders.Resolve(text)),
        _ => node?.DeepClone(),
    };
}
