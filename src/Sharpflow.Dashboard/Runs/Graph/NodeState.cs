namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>A node's state as drawn: the execution's state, or <see cref="NotStarted"/> when it has no execution yet.</summary>
public enum NodeState
{
    NotStarted,
    Pending,
    Running,
    Succeeded,
    Cached,
    Failed,
    Skipped,
    Canceled,
}
