namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>The tasks of one DAG of a pipeline and the edges between them.</summary>
internal sealed record DagGraph(IReadOnlyList<DagNode> Nodes, IReadOnlyList<DagEdge> Edges)
{
    public DagNode? Find(string key) => Nodes.FirstOrDefault(n => n.Key == key);
}
