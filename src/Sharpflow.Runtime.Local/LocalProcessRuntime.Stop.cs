using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    private static readonly TimeSpan StopPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// SIGTERM to the workload's process group, SIGKILL once <paramref name="gracePeriod"/> has passed (at once for a
    /// zero grace period; a negative one means <see cref="LocalRuntimeOptions.DefaultGracePeriod"/>). Returns when the
    /// final status is recorded: Failed with reason "Stopped", unless the workload had already finished.
    /// </summary>
    public async Task StopAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        if (gracePeriod < TimeSpan.Zero)
        {
            gracePeriod = _options.DefaultGracePeriod;
        }

        WorkloadEntry? entry;
        while (true)
        {
            Task? launching = null;
            lock (_gate)
            {
                if (!_entries.TryGetValue(id, out entry) || entry.State.Phase is WorkloadPhase.Succeeded or WorkloadPhase.Failed)
                {
                    return;
                }

                if (entry.Launching is { } starting)
                {
                    // Its process is being started outside the lock: signal it once it has a process group.
                    launching = starting.Task;
                }
                else if (entry.State.Phase == WorkloadPhase.Pending)
                {
                    _queue.Remove(entry);
                    FinishLocked(entry, entry.State with { Phase = WorkloadPhase.Failed, Reason = "Stopped", Message = "stopped on request before it was admitted." });
                    AdmitLocked();
                }
                else
                {
                    // Saved before the signal, so that a server that dies right after still reports the end as a stop.
                    var kill = gracePeriod == TimeSpan.Zero;
                    UpdateLocked(entry, entry.State with { StopRequested = true, Killed = entry.State.Killed || kill }, publish: false);
                    Save(entry);
                    SignalLocked(entry, kill ? Native.SigKill : Native.SigTerm);
                    LogStopping(entry.Id, gracePeriod);
                }
            }

            SaveChanged();
            if (entry.Finished.Task.IsCompleted)
            {
                return;
            }

            if (launching is null)
            {
                break;
            }

            await launching.WaitAsync(cancellationToken);
        }

        if (!await WaitForFinishAsync(entry, gracePeriod, cancellationToken))
        {
            lock (_gate)
            {
                if (entry.State.Phase == WorkloadPhase.Running)
                {
                    UpdateLocked(entry, entry.State with { Killed = true }, publish: false);
                    Save(entry);
                    SignalLocked(entry, Native.SigKill);
                    LogKilled(entry.Id, gracePeriod);
                }
            }

            await WaitForFinishAsync(entry, Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await StopAsync(id, _options.DefaultGracePeriod, cancellationToken);
        lock (_gate)
        {
            if (!_entries.TryRemove(id, out var entry))
            {
                return;
            }

            _queue.Remove(entry);

            // Under the entry's write gate too, so that no save outside the runtime lock writes into the removed directory.
            lock (entry.WriteGate)
            {
                entry.Deleted = true;
                try
                {
                    // Directory.Delete removes symlinks (volume mounts) without following them.
                    Directory.Delete(entry.Paths.Root, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    LogDeleteFailed(id, ex);
                }
            }

            LogDeleted(id);
        }
    }

    /// <summary>Waits until the workload's end is recorded, checking its process itself in case no exit event comes.</summary>
    private async Task<bool> WaitForFinishAsync(WorkloadEntry entry, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (!entry.Finished.Task.IsCompleted)
        {
            var remaining = timeout == Timeout.InfiniteTimeSpan ? StopPollInterval : timeout - _timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            var delay = remaining < StopPollInterval ? remaining : StopPollInterval;
            await Task.WhenAny(entry.Finished.Task, Task.Delay(delay, _timeProvider, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                CompleteIfEndedLocked(entry);
            }

            SaveChanged();
        }

        return true;
    }
}
