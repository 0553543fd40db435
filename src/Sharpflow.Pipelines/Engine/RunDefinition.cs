using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Engine;

/// <summary>What a run executes, resolved once: the pipeline, its parameters (defaults applied), where artifacts go, whether caching is on.</summary>
internal sealed class RunDefinition
{
    private readonly Dictionary<DagSpec, IReadOnlyList<string>> _orders = new(ReferenceEqualityComparer.Instance);

    public required PipelinePackage Package { get; init; }

    public PipelineSpec Spec => Package.Spec;

    public required string PipelineName { get; init; }

    public required string PipelineRoot { get; init; }

    public required IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; }

    public bool CachingEnabled { get; init; }

    public ResolvedPipelineVersion? Version { get; init; }

    /// <summary>The DAG's task names with every task after its upstream tasks (computed once per DAG).</summary>
    public IReadOnlyList<string> Order(DagSpec dag)
    {
        if (!_orders.TryGetValue(dag, out var order))
        {
            order = TopologicalOrder.Of(dag);
            _orders[dag] = order;
        }

        return order;
    }
}
