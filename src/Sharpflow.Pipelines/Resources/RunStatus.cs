namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// What the engine reports about a run. Written only when something changed; task counts alone are
/// refreshed at most once per engine status interval while the run is busy.
/// </summary>
public sealed record RunStatus
{
    /// <summary>One of <see cref="RunStates"/>.</summary>
    public string? State { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the run failed (the first failed task and its error), or why it cannot start yet.</summary>
    public RunError? Error { get; init; }

    /// <summary>Every state the run has been in, oldest first.</summary>
    public IReadOnlyList<RunStateTransition> StateHistory { get; init; } = [];

    /// <summary>Container and importer tasks known so far, by state.</summary>
    public RunTaskSummary? Tasks { get; init; }

    /// <summary>The pipeline's outputs (<c>root.dag.outputs</c>) once produced.</summary>
    public RunOutputs? Outputs { get; init; }

    /// <summary>pipelineInfo.name of the pipeline being run.</summary>
    public string? PipelineName { get; init; }

    /// <summary>The PipelineVersion a reference resolved to (fixed on the first reconcile).</summary>
    public ResolvedPipelineVersion? PipelineVersion { get; init; }

    /// <summary>The artifact root the run writes under.</summary>
    public string? PipelineRoot { get; init; }

    /// <summary>How many retries of the run have started (the last <c>spec.retry</c> acted upon).</summary>
    public int Retries { get; init; }

    public long ObservedGeneration { get; init; }
}
