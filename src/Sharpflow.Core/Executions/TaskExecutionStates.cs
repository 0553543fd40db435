namespace Sharpflow.Core.Executions;

public static class TaskExecutionStates
{
    /// <summary>Whether the execution will not change any more (until a retry of its run).</summary>
    public static bool IsFinal(this TaskExecutionState state) =>
        state is TaskExecutionState.Succeeded or TaskExecutionState.Failed or TaskExecutionState.Skipped
            or TaskExecutionState.Cached or TaskExecutionState.Canceled;

    /// <summary>Whether the execution produced outputs downstream tasks may use.</summary>
    public static bool HasOutputs(this TaskExecutionState state) =>
        state is TaskExecutionState.Succeeded or TaskExecutionState.Cached;

    /// <summary>"SUCCEEDED" for <see cref="TaskExecutionState.Succeeded"/>: the stored and API form.</summary>
    public static string ToName(this TaskExecutionState state) => state switch
    {
        TaskExecutionState.Pending => "PENDING",
        TaskExecutionState.Running => "RUNNING",
        TaskExecutionState.Succeeded => "SUCCEEDED",
        TaskExecutionState.Failed => "FAILED",
        TaskExecutionState.Skipped => "SKIPPED",
        TaskExecutionState.Cached => "CACHED",
        TaskExecutionState.Canceled => "CANCELED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TaskExecutionState Parse(string name) => name switch
    {
        "PENDING" => TaskExecutionState.Pending,
        "RUNNING" => TaskExecutionState.Running,
        "SUCCEEDED" => TaskExecutionState.Succeeded,
        "FAILED" => TaskExecutionState.Failed,
        "SKIPPED" => TaskExecutionState.Skipped,
        "CACHED" => TaskExecutionState.Cached,
        "CANCELED" => TaskExecutionState.Canceled,
        _ => throw new FormatException($"\"{name}\" is not a task execution state"),
    };
}
