using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>A started ParallelFor: its items, the iterations created so far, and those still running.</summary>
internal sealed class LoopRun
{
    private LoopRun(int count, int parallelism)
    {
        Count = count;
        Parallelism = parallelism;
    }

    public int Count { get; }

    /// <summary>How many iterations may run at once; 0 for no limit.</summary>
    public int Parallelism { get; }

    /// <summary>Parameter items (one per iteration) for a parameter iterator; null for an artifact iterator.</summary>
    public IReadOnlyList<JsonNode?>? ParameterItems { get; private init; }

    public IReadOnlyList<IReadOnlyList<RuntimeArtifact>>? ArtifactItems { get; private init; }

    /// <summary>The loop component's input that receives the item.</summary>
    public required string ItemInput { get; init; }

    public List<ExecutionNode> Iterations { get; } = [];

    public List<ExecutionNode> Active { get; } = [];

    /// <summary>The index of the next iteration to create.</summary>
    public int Next { get; set; }

    public bool HasRoom => Parallelism <= 0 || Active.Count < Parallelism;

    public static LoopRun OverParameters(IReadOnlyList<JsonNode?> items, string itemInput, int parallelism) =>
        new(items.Count, parallelism) { ParameterItems = items, ItemInput = itemInput };

    public static LoopRun OverArtifacts(IReadOnlyList<IReadOnlyList<RuntimeArtifact>> items, string itemInput, int parallelism) =>
        new(items.Count, parallelism) { ArtifactItems = items, ItemInput = itemInput };
}
