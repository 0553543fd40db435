namespace Sharpflow.Core.Executions;

/// <summary>The state of one pipeline task execution, as KFP's run details name them (stored upper-case: "SUCCEEDED").</summary>
public enum TaskExecutionState
{
    /// <summary>Known but not started yet (e.g. waiting for a retry slot after a restart).</summary>
    Pending,

    /// <summary>Started: a process runs, a sub-DAG or loop has unfinished children, or a retry is waiting for its backoff.</summary>
    Running,

    Succeeded,

    Failed,

    /// <summary>Not run: its condition was false, or an upstream task did not succeed.</summary>
    Skipped,

    /// <summary>Not run: the outputs of an earlier execution with the same cache fingerprint were reused.</summary>
    Cached,

    /// <summary>Stopped or never started because the run was terminated.</summary>
    Canceled,
}
