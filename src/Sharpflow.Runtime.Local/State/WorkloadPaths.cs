namespace Sharpflow.Runtime.Local.State;

/// <summary>The files of one workload under <c>&lt;dataDir&gt;/workloads/&lt;id&gt;/</c>.</summary>
internal sealed record WorkloadPaths(string Root)
{
    public string State => Path.Combine(Root, "state.json");

    /// <summary>Combined stdout and stderr, appended by the process itself.</summary>
    public string Log => Path.Combine(Root, "log");

    /// <summary>Written by the supervisor when the command ends, so the exit code survives a server restart.</summary>
    public string ExitCode => Path.Combine(Root, "exitcode");

    /// <summary>The working directory of a workload whose spec names none.</summary>
    public string Work => Path.Combine(Root, "work");
}
