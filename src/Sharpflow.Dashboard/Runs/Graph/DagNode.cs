namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>A task of a pipeline DAG, as read from the IR.</summary>
public sealed record DagNode
{
    /// <summary>The task's key in <c>dag.tasks</c>; also its segment of the execution path.</summary>
    public required string Key { get; init; }

    /// <summary><c>taskInfo.name</c>, or the key.</summary>
    public required string Label { get; init; }

    public required DagNodeKind Kind { get; init; }

    /// <summary><c>componentRef.name</c>: for a DAG or loop, the component whose DAG is drawn when it is opened.</summary>
    public string? ComponentName { get; init; }

    /// <summary>The CEL condition of a conditional task, for the tooltip.</summary>
    public string? Condition { get; init; }

    /// <summary>Runs once its upstream tasks are final, whatever their state (exit tasks, ignore_upstream_failure).</summary>
    public bool RunsAfterUpstreamCompleted { get; init; }

    /// <summary>Whether clicking it opens an inner graph (sub-DAGs, loops and iterations) rather than a task panel.</summary>
    public bool HasInnerGraph => Kind is DagNodeKind.Dag or DagNodeKind.Condition or DagNodeKind.Loop or DagNodeKind.ExitHandler or DagNodeKind.Iteration;
}
