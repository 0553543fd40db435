using System.ComponentModel;
using System.Diagnostics;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Starts a workload as <c>setsid env --default-signal /bin/sh -c WRAPPER</c>: the wrapper shell leads a new session
/// and process group (pid = pgid), so the whole tree can be signalled and nothing belongs to the server's terminal;
/// <c>env --default-signal</c> (coreutils 8.31+) undoes the SIGPIPE ignore a .NET parent passes on. The wrapper
/// sends stdin from /dev/null and stdout/stderr straight into the log (appending, written by the process itself,
/// so logs keep flowing while no server runs), runs the command in the foreground, writes its exit status to the
/// exit-code file (128+n when a signal n ended it), then SIGKILLs whatever the command left behind in its group.
/// The wrapper traps HUP, INT, QUIT and TERM so that a stop signal sent to the group ends the command, not the
/// wrapper; a trapped signal is reset to its default in the command, so the command sees the usual dispositions.
/// </summary>
internal static class ProcessLauncher
{
    private const string WrapperScript = """
        trap ':' HUP INT QUIT TERM
        exec </dev/null >>"$1" 2>&1
        exitcode=$2
        shift 2
        "$@"
        code=$?
        echo "$code" >"$exitcode"
        kill -KILL 0
        """;

    private static readonly string[] SetsidLocations = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>Starts the process; <paramref name="exited"/> is attached before it starts so no exit goes unseen.</summary>
    public static Process Start(LaunchPlan plan, EventHandler exited)
    {
        var setsid = SetsidLocations.FirstOrDefault(File.Exists)
            ?? throw new WorkloadLaunchException("setsid was not found in /usr/bin or /bin: install util-linux to run local workloads.");
        var startInfo = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            WorkingDirectory = plan.WorkingDirectory,
        };
        string[] wrapper = ["/usr/bin/env", "--default-signal", "/bin/sh", "-c", WrapperScript, "sharpflow-workload", plan.LogPath, plan.ExitCodePath, plan.Executable];
        foreach (var argument in wrapper)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var argument in plan.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in plan.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.Exited += exited;
        try
        {
            process.Start();
            return process;
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new WorkloadLaunchException($"the process could not be started: {ex.Message}", ex);
        }
    }
}
