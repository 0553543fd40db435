using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// The TASK_FINAL_STATUS value of a finished task, with KFP's MLMD state names (<c>backend/src/v2/driver/resolve.go</c>):
/// COMPLETE, CACHED, FAILED, or CANCELED (also for a task that was not triggered).
/// </summary>
internal static class FinalStatus
{
    /// <summary>gRPC status codes for the error field: UNKNOWN for a failure, CANCELLED for a terminated task.</summary>
    private const int Unknown = 2;
    private const int Cancelled = 1;

    public static JsonObject Of(ExecutionNode producer, string runName) => producer.State switch
    {
        TaskExecutionState.Succeeded => TaskFinalStatusValue.Create("COMPLETE", runName, producer.DagKey),
        TaskExecutionState.Cached => TaskFinalStatusValue.Create("CACHED", runName, producer.DagKey),
        TaskExecutionState.Failed => TaskFinalStatusValue.Create("FAILED", runName, producer.DagKey, Unknown, producer.Error),
        TaskExecutionState.Canceled => TaskFinalStatusValue.Create("CANCELED", runName, producer.DagKey, Cancelled, producer.Error),
        _ => TaskFinalStatusValue.Create("CANCELED", runName, producer.DagKey),
    };
}
