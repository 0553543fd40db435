using Sharpflow.Core.Executions;

namespace Sharpflow.Dashboard.Runs.Graph;

internal static class NodeStates
{
    public static NodeState Of(TaskExecution? execution) => execution?.State switch
    {
        null => NodeState.NotStarted,
        TaskExecutionState.Pending => NodeState.Pending,
        TaskExecutionState.Running => NodeState.Running,
        TaskExecutionState.Succeeded => NodeState.Succeeded,
        TaskExecutionState.Cached => NodeState.Cached,
        TaskExecutionState.Failed => NodeState.Failed,
        TaskExecutionState.Skipped => NodeState.Skipped,
        TaskExecutionState.Canceled => NodeState.Canceled,
        _ => NodeState.NotStarted,
    };

    public static bool IsFinal(NodeState state) =>
        state is NodeState.Succeeded or NodeState.Cached or NodeState.Failed or NodeState.Skipped or NodeState.Canceled;

    /// <summary>The lower-case name used in CSS classes and test attributes ("running", "not-started").</summary>
    public static string Slug(NodeState state) => state == NodeState.NotStarted ? "not-started" : state.ToString().ToLowerInvariant();

    public static string Label(NodeState state) => state == NodeState.NotStarted ? "Not started" : state.ToString();
}
