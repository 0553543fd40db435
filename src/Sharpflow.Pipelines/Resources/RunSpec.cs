using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// A pipeline run (KFP's <c>Run</c>). Exactly one of <see cref="PipelineSpec"/> (the compiled IR inline) or
/// <see cref="PipelineVersionRef"/> says what runs. The spec is fixed once the run started, except for the two
/// lifecycle fields below, which the API (and <c>kubectl</c>-style merge patches) set:
/// <list type="bullet">
/// <item><b>Terminate</b> — merge-patch <c>{"spec": {"terminate": true}}</c>. Running tasks are stopped (SIGTERM,
/// then SIGKILL after the engine's grace period), tasks not started yet are marked CANCELED, the run goes
/// CANCELING, then CANCELED once every process has ended. Terminating a finished run changes nothing.</item>
/// <item><b>Retry</b> — for a run in state FAILED or CANCELED, merge-patch
/// <c>{"spec": {"retry": &lt;status.retries + 1&gt;, "terminate": false}}</c>. Failed, canceled, skipped and
/// not-run tasks run again (with fresh retry-policy attempts); tasks that SUCCEEDED or were CACHED keep their
/// outputs and do not run. The run goes back to RUNNING with a RUNNING entry in its state history, and
/// <c>status.retries</c> becomes <c>spec.retry</c>. A retry value not above <c>status.retries</c>, or a run in
/// another state, is ignored (the API should answer such a request with 400/409 as KFP does). Leaving
/// <c>terminate: true</c> in place cancels the retried run again at once.</item>
/// </list>
/// </summary>
public sealed record RunSpec
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>The compiled PipelineSpec (first YAML document) as JSON; or the REST wrapper <c>{pipeline_spec, platform_spec}</c>.</summary>
    public JsonObject? PipelineSpec { get; init; }

    /// <summary>The platform document (<c>{platforms: {kubernetes: ...}}</c>) of an inline pipeline.</summary>
    public JsonObject? PlatformSpec { get; init; }

    public PipelineVersionReference? PipelineVersionRef { get; init; }

    public RuntimeConfig? RuntimeConfig { get; init; }

    /// <summary>metadata.name of the Experiment the run belongs to; empty for the namespace's default.</summary>
    public string? ExperimentName { get; init; }

    /// <summary>Per-run caching switch: false runs every task even when a cached result exists. Default true.</summary>
    public bool? EnableCaching { get; init; }

    /// <summary>Accepted for compatibility; local runs ignore it.</summary>
    public string? ServiceAccount { get; init; }

    /// <summary>True asks the engine to stop the run (see the type's remarks).</summary>
    public bool Terminate { get; init; }

    /// <summary>The retry generation: a value above <c>status.retries</c> retries a FAILED or CANCELED run (see the type's remarks).</summary>
    public int Retry { get; init; }

    /// <summary>metadata.name of the RecurringRun that created the run, if any.</summary>
    public string? RecurringRunName { get; init; }

    /// <summary>"AVAILABLE" (default) or "ARCHIVED" (KFP's archive and unarchive); only for listing, the engine ignores it.</summary>
    public string? StorageState { get; init; }
}
