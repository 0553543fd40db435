using Sharpflow.Core.Executions;

namespace Sharpflow.Storage.Executions;

/// <summary>Converts between <see cref="TaskExecution"/> and its row.</summary>
internal static class ExecutionRows
{
    public static ExecutionRow ToRow(TaskExecution e) => new()
    {
        Id = e.Id,
        RunUid = e.RunUid,
        Namespace = e.Namespace,
        RunName = e.RunName,
        PipelineName = e.PipelineName,
        TaskPath = e.TaskPath,
        TaskName = e.TaskName,
        Kind = KindName(e.Kind),
        ParentId = e.ParentId,
        IterationIndex = e.IterationIndex,
        State = e.State.ToName(),
        Inputs = e.Inputs,
        Outputs = e.Outputs,
        Fingerprint = e.Fingerprint,
        CachedFrom = e.CachedFrom,
        Attempts = e.Attempts,
        WorkloadId = e.WorkloadId,
        LogLocation = e.LogLocation,
        Error = e.Error,
        CreatedAt = e.CreatedAt.ToUnixTimeMilliseconds(),
        StartedAt = e.StartedAt?.ToUnixTimeMilliseconds(),
        FinishedAt = e.FinishedAt?.ToUnixTimeMilliseconds(),
    };

    public static TaskExecution ToExecution(ExecutionRow row) => new()
    {
        Id = row.Id,
        RunUid = row.RunUid,
        Namespace = row.Namespace,
        RunName = row.RunName,
        PipelineName = row.PipelineName,
        TaskPath = row.TaskPath,
        TaskName = row.TaskName,
        Kind = ParseKind(row.Kind),
        ParentId = row.ParentId,
        IterationIndex = row.IterationIndex,
        State = TaskExecutionStates.Parse(row.State),
        Inputs = row.Inputs,
        Outputs = row.Outputs,
        Fingerprint = row.Fingerprint,
        CachedFrom = row.CachedFrom,
        Attempts = row.Attempts,
        WorkloadId = row.WorkloadId,
        LogLocation = row.LogLocation,
        Error = row.Error,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
        StartedAt = row.StartedAt is { } started ? DateTimeOffset.FromUnixTimeMilliseconds(started) : null,
        FinishedAt = row.FinishedAt is { } finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished) : null,
    };

    private static string KindName(TaskExecutionKind kind) => kind.ToString().ToUpperInvariant();

    private static TaskExecutionKind ParseKind(string name) =>
        Enum.TryParse<TaskExecutionKind>(name, ignoreCase: true, out var kind)
            ? kind
            : throw new FormatException($"\"{name}\" is not a task execution kind");
}
