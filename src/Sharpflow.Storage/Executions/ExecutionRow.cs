namespace Sharpflow.Storage.Executions;

/// <summary>A row of sf_task_executions; times are Unix milliseconds, states and kinds their upper-case names.</summary>
internal sealed class ExecutionRow
{
    public required string Id { get; set; }

    public required string RunUid { get; set; }

    public required string Namespace { get; set; }

    public required string RunName { get; set; }

    public required string PipelineName { get; set; }

    public required string TaskPath { get; set; }

    public required string TaskName { get; set; }

    public required string Kind { get; set; }

    public string? ParentId { get; set; }

    public int? IterationIndex { get; set; }

    public required string State { get; set; }

    public string? Inputs { get; set; }

    public string? Outputs { get; set; }

    public string? Fingerprint { get; set; }

    public string? CachedFrom { get; set; }

    public int Attempts { get; set; }

    public string? WorkloadId { get; set; }

    public string? LogLocation { get; set; }

    public string? Error { get; set; }

    public long CreatedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }
}
