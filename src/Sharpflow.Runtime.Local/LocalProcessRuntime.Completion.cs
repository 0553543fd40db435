using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Admission;
using Sharpflow.Runtime.Local.Processes;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    /// <summary>Watches the processes whose end no <see cref="ChildExitWatcher"/> reports: those re-adopted after a restart.</summary>
    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.MonitorInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                lock (_gate)
                {
                    foreach (var entry in _entries.Values.Where(entry => entry.State.Phase == WorkloadPhase.Running).ToList())
                    {
                        CompleteIfEndedLocked(entry);
                    }
                }

                SaveChanged();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The supervisor reports that a process this server had it start has ended.</summary>
    private void OnChildExitedLocked(WorkloadEntry entry, int pid, int? exitCode)
    {
        if (_disposed || !entry.IsRunningChild || entry.State.Pid != pid)
        {
            return;
        }

        entry.IsRunningChild = false;
        entry.ChildEnded = true;
        entry.ChildExitCode = exitCode;
        CompleteIfEndedLocked(entry);
    }

    private void CompleteIfEndedLocked(WorkloadEntry entry)
    {
        if (entry.State.Phase == WorkloadPhase.Running && !IsAliveLocked(entry))
        {
            CompleteLocked(entry, endedWhileServerDown: false);
        }
    }

    /// <summary>
    /// A workload this server starts is alive while its process is being started and until its end is reported; a
    /// re-adopted one while /proc shows it, zombie included: its supervisor writes the exit code before reaping it.
    /// </summary>
    private static bool IsAliveLocked(WorkloadEntry entry)
    {
        if (entry.Launching is not null || entry.IsRunningChild)
        {
            return true;
        }

        if (entry.ChildEnded)
        {
            return false;
        }

        return entry.State is { Pid: int pid, ProcessStartTime: ulong startTime } && ProcFs.Exists(pid, startTime);
    }

    /// <summary>Records how a workload whose process is gone ended, cleans up its group, and frees what it held.</summary>
    private void CompleteLocked(WorkloadEntry entry, bool endedWhileServerDown)
    {
        var state = entry.State;
        var outcome = WorkloadOutcome.Decide(state, WorkloadStateFile.ReadExitCode(entry.Paths), entry.ChildExitCode, endedWhileServerDown);
        KillLeftoversLocked(state);
        _ledger.Release(Capacity.Of(state.Spec.Resources), state.GpuDevices);
        _ports.Release(state.Ports.Values);
        FinishLocked(entry, state with { Phase = outcome.Phase, Reason = outcome.Reason, ExitCode = outcome.ExitCode, Message = outcome.Message });
        AdmitLocked();
    }

    /// <summary>Marks the workload finished; its capacity must already be free.</summary>
    private void FinishLocked(WorkloadEntry entry, WorkloadState state)
    {
        UpdateLocked(entry, state with { FinishedAt = _timeProvider.GetUtcNow() });
        entry.Finished.TrySetResult();
        LogFinished(entry.Id, state.Phase, state.Reason, state.ExitCode);
    }

    /// <summary>
    /// Changes the state and publishes it. Saving it is left to <see cref="SaveChanged"/>, which every caller runs
    /// once it has released the lock (before it answers or returns), so no file is written while the lock is held.
    /// Watchers may hear of a change before it is on disk: if the server dies in between, the next one finds the same
    /// facts again (the process, or its exit-code file).
    /// </summary>
    private void UpdateLocked(WorkloadEntry entry, WorkloadState state, bool publish = true)
    {
        entry.State = state;
        if (publish)
        {
            _broadcaster.Publish(entry.Status);
        }

        _unsaved.Add(entry);
    }

    /// <summary>Writes the state of every workload changed since the last call. Call it without holding the lock.</summary>
    private void SaveChanged()
    {
        List<WorkloadEntry> changed;
        lock (_gate)
        {
            if (_unsaved.Count == 0)
            {
                return;
            }

            changed = [.. _unsaved];
            _unsaved.Clear();
        }

        changed.ForEach(Save);
    }

    /// <summary>Writes the entry's latest state, unless a newer or the same version is on disk already, or it was deleted.</summary>
    private void Save(WorkloadEntry entry)
    {
        lock (entry.WriteGate)
        {
            var (state, version) = entry.Latest;
            if (entry.Deleted || version <= entry.SavedVersion)
            {
                return;
            }

            try
            {
                WorkloadStateFile.Write(entry.Paths, state);
                entry.SavedVersion = version;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogPersistFailed(entry.Id, ex);
            }
        }
    }

    /// <summary>
    /// Processes the command left in its group: the supervisor kills them itself once it recorded the exit code, but it
    /// may have died before. Asking the kernel whether the group has members costs one system call, not a /proc scan.
    /// </summary>
    private void KillLeftoversLocked(WorkloadState state)
    {
        if (state.ProcessGroupId is int group and > 1 && Native.GroupExists(group))
        {
            SignalGroupLocked(state, group, Native.SigKill);
        }
    }

    private void SignalLocked(WorkloadEntry entry, int signal)
    {
        if (entry.State.ProcessGroupId is int group)
        {
            SignalGroupLocked(entry.State, group, signal);
        }
    }

    private void SignalGroupLocked(WorkloadState state, int group, int signal)
    {
        // The group id is the command's pid. The kernel never reuses it while the group has members, so a live process
        // with that pid but another start time means the group is gone; one that does not lead its group is not ours.
        if (ProcFs.TryRead(group) is { HasExited: false } stat)
        {
            if (state.ProcessStartTime is ulong startTime && stat.StartTime != startTime)
            {
                return;
            }

            if (stat.ProcessGroupId != group)
            {
                LogSignalRefused(state.Spec.Id, group);
                return;
            }
        }

        if (group == _ownProcessGroup)
        {
            LogSignalRefused(state.Spec.Id, group);
            return;
        }

        Native.SignalGroup(group, signal);
    }
}
