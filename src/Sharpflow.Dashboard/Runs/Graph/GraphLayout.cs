namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>A laid-out graph: every node's box and every edge's line, within <see cref="Width"/> × <see cref="Height"/>.</summary>
internal sealed record GraphLayout(double Width, double Height, IReadOnlyList<NodeBox> Nodes, IReadOnlyList<EdgeLine> Edges)
{
    public static GraphLayout Empty { get; } = new(0, 0, [], []);

    public NodeBox? Node(string key) => Nodes.FirstOrDefault(n => n.Key == key);
}
