namespace Sharpflow.Core.Executions;

/// <summary>
/// One execution of a pipeline task in a run: a container task, an importer, a sub-DAG, a loop or one
/// loop iteration. Executions form a tree through <see cref="ParentId"/> (the root DAG has none). They are
/// not resources: the pipeline engine writes them as they change, in their own table.
/// </summary>
public sealed record TaskExecution
{
    /// <summary>Stable for the task in its run: "{runUid}/{TaskPath}".</summary>
    public required string Id { get; init; }

    /// <summary>metadata.uid of the Run.</summary>
    public required string RunUid { get; init; }

    public required string Namespace { get; init; }

    /// <summary>metadata.name of the Run.</summary>
    public required string RunName { get; init; }

    /// <summary>pipelineInfo.name of the pipeline: cache hits are looked up within the same pipeline and namespace.</summary>
    public required string PipelineName { get; init; }

    /// <summary>
    /// Where the task sits: the DAG task names from the root, with iteration indexes, separated by '/':
    /// "root", "root/for-loop-1", "root/for-loop-1/2", "root/for-loop-1/2/train".
    /// </summary>
    public required string TaskPath { get; init; }

    /// <summary>The task's display name (taskInfo.name); the DAG key for iterations ("2") and the pipeline name for the root.</summary>
    public required string TaskName { get; init; }

    public TaskExecutionKind Kind { get; init; }

    public string? ParentId { get; init; }

    /// <summary>The iteration's index for <see cref="TaskExecutionKind.Iteration"/>; null otherwise.</summary>
    public int? IterationIndex { get; init; }

    public TaskExecutionState State { get; init; }

    /// <summary>JSON <c>{"parameters": {name: value}, "artifacts": {name: [artifact]}}</c> the task received; null before it started.</summary>
    public string? Inputs { get; init; }

    /// <summary>
    /// JSON <c>{"parameters": {name: value}, "artifacts": {name: [{name, uri, metadata, type}]}}</c> the task produced
    /// (for Succeeded and Cached), in KFP's runtime artifact form.
    /// </summary>
    public string? Outputs { get; init; }

    /// <summary>The cache key of a container task (KFP's fingerprint, or the task's cacheKey); null when caching was off.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>For a cached execution, the id of the execution whose outputs it reused.</summary>
    public string? CachedFrom { get; init; }

    /// <summary>Attempts started in the run's current retry round (1 for the first attempt).</summary>
    public int Attempts { get; init; }

    /// <summary>The workload of the latest attempt of a container task.</summary>
    public string? WorkloadId { get; init; }

    /// <summary>Where the latest attempt's log is served: <c>/sharpflow/v1/workloads/{workloadId}/log</c>.</summary>
    public string? LogLocation { get; init; }

    /// <summary>Why the execution failed, was skipped or canceled, in words.</summary>
    public string? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
