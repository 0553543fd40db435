namespace Sharpflow.Runtime.Local.State;

/// <summary>The files of one workload under <c>&lt;dataDir&gt;/workloads/&lt;id&gt;/</c>.</summary>
internal sealed record WorkloadPaths(string Root)
{
    public string State => Path.Combine(Root, "state.json");

    /// <summary>Combined stdout and stderr, appended by the process itself.</summary>
    public string Log => Path.Combine(Root, "log");

    /// <summary>Written by the supervisor when the command ends, so the exit code survives a server restart.</summary>
    public string ExitCode => Path.Combine(Root, "exitcode");

    /// <summary>
    /// "pid starttime", written by the supervisor as soon as the process runs: a server that died before it recorded
    /// the process in state.json finds it again from here.
    /// </summary>
    public string Process => Path.Combine(Root, "process");

    /// <summary>The working directory of a workload whose spec names none.</summary>
    public string Work => Path.Combine(Root, "work");
}
