namespace Sharpflow.Runtime.Local;

/// <summary>Settings of the local process runtime: where workloads live, what the node offers, how images map to the host.</summary>
public sealed class LocalRuntimeOptions
{
    /// <summary>
    /// Required. Each workload keeps <c>state.json</c>, its <c>log</c>, its <c>exitcode</c> and its default
    /// working directory <c>work/</c> under <c>&lt;DataDirectory&gt;/workloads/&lt;id&gt;/</c>.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>CPU the node offers to workloads, in millicores. Defaults to 1000 per processor.</summary>
    public long CpuMillis { get; set; } = Environment.ProcessorCount * 1000L;

    /// <summary>Memory the node offers to workloads, in bytes. Defaults to the memory available to this process (physical memory or the container limit).</summary>
    public long MemoryBytes { get; set; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Whole GPUs the node offers, numbered 0..Gpus-1. When positive, each workload sees only the devices it was
    /// given through <c>CUDA_VISIBLE_DEVICES</c> (empty when it asked for none).
    /// </summary>
    public int Gpus { get; set; }

    /// <summary>
    /// How images map to the host. A list rather than a map because image names contain ':' which configuration
    /// keys reserve. Images without an entry run their command on the host as-is.
    /// </summary>
    public List<LocalImageOptions> Images { get; set; } = [];

    /// <summary>How long a deleted workload gets between SIGTERM and SIGKILL, and the grace of a negative stop request.</summary>
    public TimeSpan DefaultGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often processes the runtime did not start itself (re-adopted after a restart) are checked for exit.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Names of server environment variables passed to every workload; null for <see cref="DefaultInheritedEnvironment"/>.
    /// Nothing else of the server's environment reaches a workload.
    /// </summary>
    public List<string>? InheritedEnvironment { get; set; }

    /// <summary>The basics a program expects: search path, home, user, locale, time zone and temporary folder.</summary>
    public static IReadOnlyList<string> DefaultInheritedEnvironment { get; } =
        ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR"];
}
