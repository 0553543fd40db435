using System.ComponentModel;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Starts a workload as <c>/bin/sh -c WRAPPER</c> through <see cref="PosixSpawn"/>: the wrapper shell leads a new
/// session and process group (pid = pgid), so the whole tree can be signalled and nothing belongs to the server's
/// terminal; it starts with default signal dispositions (a .NET parent ignores SIGPIPE), stdin from /dev/null and
/// stdout/stderr appended to the log (written by the process itself, so logs keep flowing while no server runs).
/// The wrapper runs the command in the foreground, writes its exit status to the exit-code file (128+n when a
/// signal n ended it), then SIGKILLs whatever the command left behind in its group. It traps HUP, INT, QUIT and
/// TERM so that a stop signal sent to the group ends the command, not the wrapper; a trapped signal is reset to
/// its default in the command, so the command sees the usual dispositions. The wrapper is what keeps the exit code
/// when no server is running: it is the command's parent, not the server.
/// </summary>
internal static class ProcessLauncher
{
    private const string Shell = "/bin/sh";

    private const string WrapperScript = """
        trap ':' HUP INT QUIT TERM
        exitcode=$1
        shift
        "$@"
        code=$?
        echo "$code" >"$exitcode"
        kill -KILL 0
        """;

    /// <summary>Starts the wrapper and returns its pid, which is also the workload's process group and session id.</summary>
    public static int Start(LaunchPlan plan)
    {
        List<string> arguments = [Shell, "-c", WrapperScript, "sharpflow-workload", plan.ExitCodePath, plan.Executable, .. plan.Arguments];
        var environment = plan.Environment.Select(variable => $"{variable.Key}={variable.Value}").ToList();
        try
        {
            return PosixSpawn.Start(Shell, arguments, environment, plan.WorkingDirectory, plan.LogPath);
        }
        catch (Win32Exception ex)
        {
            throw new WorkloadLaunchException($"the process could not be started: {ex.Message}", ex);
        }
    }
}
