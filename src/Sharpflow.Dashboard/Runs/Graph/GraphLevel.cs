namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>One step of the drill-down from the pipeline's root: which DAG (or loop) is drawn, and where its executions are.</summary>
public sealed record GraphLevel
{
    /// <summary>Shown in the breadcrumb.</summary>
    public required string Title { get; init; }

    /// <summary>The execution path of the DAG, loop or iteration drawn ("root", "root/for-loop-1", "root/for-loop-1/0").</summary>
    public required string ExecutionPath { get; init; }

    /// <summary>The component whose DAG is drawn; null for the pipeline's root.</summary>
    public string? ComponentName { get; init; }

    public GraphLevelKind Kind { get; init; } = GraphLevelKind.Dag;

    public static GraphLevel Root(string pipelineName) => new() { Title = pipelineName, ExecutionPath = "root" };

    /// <summary>The level a click on a sub-DAG, loop or iteration node opens.</summary>
    public GraphLevel Enter(DagNode node) => node.Kind switch
    {
        DagNodeKind.Loop => new GraphLevel
        {
            Title = node.Label,
            ExecutionPath = $"{ExecutionPath}/{node.Key}",
            ComponentName = node.ComponentName,
            Kind = GraphLevelKind.Iterations,
        },
        DagNodeKind.Iteration => new GraphLevel
        {
            Title = node.Label,
            ExecutionPath = $"{ExecutionPath}/{node.Key}",
            ComponentName = ComponentName,
        },
        _ when node.HasInnerGraph => new GraphLevel
        {
            Title = node.Label,
            ExecutionPath = $"{ExecutionPath}/{node.Key}",
            ComponentName = node.ComponentName,
        },
        _ => throw new InvalidOperationException($"{node.Kind} task \"{node.Key}\" has no inner graph"),
    };
}
