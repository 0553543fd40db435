using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.State;

/// <summary>How a workload whose process is gone ended, from what it left behind.</summary>
internal sealed record WorkloadOutcome(WorkloadPhase Phase, string Reason, int? ExitCode, string Message)
{
    /// <param name="state">The workload's last recorded state.</param>
    /// <param name="recordedExitCode">What the supervisor wrote to the exit-code file, if anything.</param>
    /// <param name="reportedExitCode">What the supervisor reported to this server, in case the file could not be written.</param>
    /// <param name="endedWhileServerDown">Found gone when a server started, rather than seen ending.</param>
    public static WorkloadOutcome Decide(WorkloadState state, int? recordedExitCode, int? reportedExitCode, bool endedWhileServerDown)
    {
        if ((recordedExitCode ?? reportedExitCode) is int code)
        {
            var signal = Signals.DescribeExitCode(code) is { } name ? $", i.e. ended by {name}" : string.Empty;
            if (state.StopRequested)
            {
                return new(WorkloadPhase.Failed, "Stopped", code, $"stopped on request; the command exited with code {code}{signal}.");
            }

            return code == 0
                ? new(WorkloadPhase.Succeeded, "Completed", 0, "the command exited with code 0.")
                : new(WorkloadPhase.Failed, "Error", code, $"the command exited with code {code}{signal}.");
        }

        if (state.StopRequested)
        {
            return state.Killed
                ? new(WorkloadPhase.Failed, "Stopped", 128 + Native.SigKill, "stopped on request; killed with SIGKILL after the grace period.")
                : new(WorkloadPhase.Failed, "Stopped", null, "stopped on request.");
        }

        var process = state.Pid is int pid ? $"the process (pid {pid})" : "the process";
        if (endedWhileServerDown && state.Pid is null)
        {
            return new(WorkloadPhase.Failed, "Lost", null,
                "the server stopped while it was starting the process, before it could record it; the command may not have run.");
        }

        if (endedWhileServerDown)
        {
            return new(WorkloadPhase.Failed, "Lost", null,
                $"{process} ended while no server was watching and left no exit code; its supervisor was probably killed.");
        }

        return new(WorkloadPhase.Failed, "Killed", null,
            $"{process} ended without an exit code: its supervisor ended before it, so nobody could collect it.");
    }
}
