namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>Everything the graph component draws for one level of a run's pipeline.</summary>
public sealed record GraphScene
{
    public required GraphLevel Level { get; init; }

    public required double Width { get; init; }

    public required double Height { get; init; }

    public IReadOnlyList<SceneNode> Nodes { get; init; } = [];

    public IReadOnlyList<SceneEdge> Edges { get; init; } = [];

    /// <summary>Why there is nothing to draw (a loop with no iterations yet, a DAG the spec lacks).</summary>
    public string? Message { get; init; }

    public SceneNode? Find(string key) => Nodes.FirstOrDefault(n => n.Node.Key == key);
}
