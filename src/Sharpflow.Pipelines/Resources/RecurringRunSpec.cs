using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// Runs a pipeline on a schedule (KFP's <c>RecurringRun</c>): each due time creates a Run owned by this object,
/// named <c>{name}-{unix seconds of the scheduled time}</c>, labelled <c>pipelines.kubeflow.org/recurring-run</c>
/// and annotated with <c>pipelines.kubeflow.org/scheduled-time</c> (<c>{{$.pipeline_job_schedule_time_utc}}</c>).
/// </summary>
public sealed record RecurringRunSpec
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public JsonObject? PipelineSpec { get; init; }

    public JsonObject? PlatformSpec { get; init; }

    public PipelineVersionReference? PipelineVersionRef { get; init; }

    public RuntimeConfig? RuntimeConfig { get; init; }

    public string? ExperimentName { get; init; }

    public string? ServiceAccount { get; init; }

    public bool? EnableCaching { get; init; }

    /// <summary>How many of its runs may be unfinished at once, 1 to 10; 0 means 1.</summary>
    public int MaxConcurrency { get; init; }

    public RecurringRunTrigger? Trigger { get; init; }

    /// <summary>"ENABLE" (default) or "DISABLE".</summary>
    public string? Mode { get; init; }

    /// <summary>
    /// False (default): every time slot missed (while disabled, down, or at the concurrency limit) is run, one
    /// after another. True: only the latest missed slot runs.
    /// </summary>
    public bool NoCatchup { get; init; }
}
