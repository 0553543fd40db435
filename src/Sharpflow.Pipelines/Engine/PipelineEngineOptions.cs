namespace Sharpflow.Pipelines.Engine;

/// <summary>How the pipeline engine runs. Bound from the "Sharpflow:Pipelines" configuration section.</summary>
public sealed class PipelineEngineOptions
{
    public const string SectionName = "Sharpflow:Pipelines";

    /// <summary>Required: the server's data directory. Artifacts go to <c>artifacts/</c>, task scratch folders to <c>pipelines/</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The artifact root of runs that set none (in <c>runtimeConfig.pipelineRoot</c>) and whose pipeline was
    /// compiled without one. Default: <c>&lt;DataDirectory&gt;/artifacts/pipelines</c>, so that an artifact's
    /// URI is its local path for shell and Python components alike.
    /// </summary>
    public string? DefaultPipelineRoot { get; set; }

    /// <summary>Server-wide caching switch; off runs every task even when a run and its task allow caching.</summary>
    public bool EnableCaching { get; set; } = true;

    /// <summary>
    /// Replacements for the first word of a container command, for every image alike, e.g. <c>python</c> →
    /// <c>/usr/bin/python3</c>. Empty by default: what an image's commands stand for on the host is the workload
    /// runtime's to say (the local runtime runs <c>sh</c> of busybox, Alpine and UBI images as <c>bash</c>).
    /// </summary>
    public Dictionary<string, string> Executables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long terminated tasks get between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest time between two status writes of a busy run that only change its task counts.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a run that waits for its PipelineVersion to appear looks again.</summary>
    public TimeSpan PendingRecheck { get; set; } = TimeSpan.FromSeconds(5);
}
