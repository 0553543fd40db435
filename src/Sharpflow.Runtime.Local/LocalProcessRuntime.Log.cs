using Microsoft.Extensions.Logging;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Workload {WorkloadId} started as process group {Pid} by supervisor {SupervisorPid}: {Executable}")]
    private partial void LogStarted(string workloadId, int pid, string executable, int supervisorPid);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Workload {WorkloadId} finished: {Phase} ({Reason}), exit code {ExitCode}")]
    private partial void LogFinished(string workloadId, WorkloadPhase phase, string? reason, int? exitCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Workload {WorkloadId} waits: {Message}")]
    private partial void LogQueued(string workloadId, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Workload {WorkloadId} could not start: {Message}")]
    private partial void LogLaunchFailed(string workloadId, string message);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Stopping workload {WorkloadId} with a grace period of {GracePeriod}")]
    private partial void LogStopping(string workloadId, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Workload {WorkloadId} outlived its grace period of {GracePeriod}; sent SIGKILL")]
    private partial void LogKilled(string workloadId, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Workload {WorkloadId} deleted")]
    private partial void LogDeleted(string workloadId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Workload {WorkloadId}: its directory could not be removed")]
    private partial void LogDeleteFailed(string workloadId, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Workload {WorkloadId} re-adopted: process group {Pid} is still running")]
    private partial void LogReadopted(string workloadId, int pid);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Skipping {Path}: missing, unreadable, or not matching its directory")]
    private partial void LogStateUnreadable(string path, Exception? exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Workload {WorkloadId}: state could not be saved")]
    private partial void LogPersistFailed(string workloadId, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Workload {WorkloadId}: refusing to signal process group {ProcessGroupId}, which is not the workload's own")]
    private partial void LogSignalRefused(string workloadId, int processGroupId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Local runtime took over {Root} with {Count} workload(s)")]
    private partial void LogInitialized(string root, int count);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Workload {WorkloadId}: its supervisor (pid {SupervisorPid}) ended while it ran; its exit code cannot be collected")]
    private partial void LogSupervisorLost(string workloadId, int supervisorPid);
}
