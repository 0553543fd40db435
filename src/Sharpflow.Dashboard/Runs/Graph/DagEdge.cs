namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>An edge of a pipeline DAG: <paramref name="To"/> runs after <paramref name="From"/> (a dependency or a data input).</summary>
internal sealed record DagEdge(string From, string To);
