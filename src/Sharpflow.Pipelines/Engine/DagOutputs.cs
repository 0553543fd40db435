using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// A DAG component's outputs from its tasks (<c>dag.outputs</c>): <c>valueFromParameter</c>, the first produced of
/// <c>valueFromOneof</c>, and <c>artifactSelectors</c> concatenated; for a loop, each output collected over the
/// iterations in order (a LIST of parameter values, one artifact list).
/// </summary>
internal static class DagOutputs
{
    public static NodeOutputs Of(DagScope scope)
    {
        var outputs = scope.Component.Dag?.Outputs;
        if (outputs is null)
        {
            return NodeOutputs.Empty;
        }

        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, spec) in outputs.Parameters)
        {
            IEnumerable<ParameterSelector> selectors = spec.ValueFromParameter is { } single ? [single] : spec.ValueFromOneof?.ParameterSelectors ?? [];
            foreach (var selector in selectors)
            {
                if (Produced(scope, selector.ProducerSubtask) is { } producer && selector.OutputParameterKey is { } key
                    && producer.Outputs.Parameters.TryGetValue(key, out var value) && value is not null)
                {
                    parameters[name] = value.DeepClone();
                    break;
                }
            }
        }

        var artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>(StringComparer.Ordinal);
        foreach (var (name, spec) in outputs.Artifacts)
        {
            var list = new List<RuntimeArtifact>();
            foreach (var selector in spec.ArtifactSelectors)
            {
                if (Produced(scope, selector.ProducerSubtask) is { } producer && selector.OutputArtifactKey is { } key
                    && producer.Outputs.Artifacts.TryGetValue(key, out var found))
                {
                    list.AddRange(found);
                }
            }

            if (list.Count > 0)
            {
                artifacts[name] = list;
            }
        }

        return new NodeOutputs { Parameters = parameters, Artifacts = artifacts };
    }

    /// <summary>A loop's outputs: every output of the loop component collected over its iterations, in iteration order.</summary>
    public static NodeOutputs Collect(ComponentSpec loopComponent, IReadOnlyList<ExecutionNode> iterations)
    {
        var outputs = loopComponent.Dag?.Outputs;
        if (outputs is null)
        {
            return NodeOutputs.Empty;
        }

        var ordered = iterations.Where(i => i.State.HasOutputs()).OrderBy(i => i.IterationIndex).ToList();
        var parameters = outputs.Parameters.Keys.ToDictionary(
            name => name,
            name => (JsonNode?)new JsonArray([.. ordered
                .Where(i => i.Outputs.Parameters.TryGetValue(name, out var v) && v is not null)
                .Select(i => i.Outputs.Parameters[name]!.DeepClone())]),
            StringComparer.Ordinal);
        var artifacts = outputs.Artifacts.Keys.ToDictionary(
            name => name,
            name => (IReadOnlyList<RuntimeArtifact>)[.. ordered.SelectMany(i => i.Outputs.Artifacts.GetValueOrDefault(name) ?? [])],
            StringComparer.Ordinal);
        return new NodeOutputs { Parameters = parameters, Artifacts = artifacts };
    }

    private static ExecutionNode? Produced(DagScope scope, string? task) =>
        task is not null && scope.Find(task) is { } producer && producer.State.HasOutputs() ? producer : null;
}
