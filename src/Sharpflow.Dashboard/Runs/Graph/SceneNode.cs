using Sharpflow.Core.Executions;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>A node as drawn: the task, its box, its state from the run's executions, and a short line under its name.</summary>
public sealed record SceneNode
{
    public required DagNode Node { get; init; }

    public required NodeBox Box { get; init; }

    public required NodeState State { get; init; }

    /// <summary>The node's execution path ("root/train"), whether or not it has an execution yet.</summary>
    public required string ExecutionPath { get; init; }

    public TaskExecution? Execution { get; init; }

    /// <summary>Kind and progress, e.g. "container · 4.2s", "loop · 2 of 3 done".</summary>
    public required string Detail { get; init; }
}
