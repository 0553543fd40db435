using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>States as KFP's <c>RuntimeState</c> names them.</summary>
internal static class KfpStates
{
    /// <summary>
    /// A task execution's state. KFP has no CACHED runtime state: its <c>RuntimeState</c> documents SKIPPED as "skipped,
    /// for example, due to caching", so a cached task is reported SKIPPED here (Sharpflow's own task API keeps CACHED).
    /// </summary>
    public static string Of(TaskExecutionState state) => state switch
    {
        TaskExecutionState.Pending => RunStates.Pending,
        TaskExecutionState.Running => RunStates.Running,
        TaskExecutionState.Succeeded => RunStates.Succeeded,
        TaskExecutionState.Failed => RunStates.Failed,
        TaskExecutionState.Skipped or TaskExecutionState.Cached => RunStates.Skipped,
        TaskExecutionState.Canceled => RunStates.Canceled,
        _ => RunStates.Pending,
    };

    /// <summary>The rpc code of an error recorded with a state: CANCELLED for a canceled run or task, UNKNOWN for a failure.</summary>
    public static int ErrorCode(string? state) => state == RunStates.Canceled ? RpcCode.Cancelled : RpcCode.Unknown;
}
