using System.Text.Json;
using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Admission;
using Sharpflow.Runtime.Local.Processes;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    /// <summary>
    /// Takes over the data directory: finished workloads are loaded as they are; running ones whose process is
    /// still the same (pid and start time) are re-adopted and watched until they end; running ones whose process
    /// is gone are completed from their exit-code file, or recorded as "Lost"; pending ones are queued again in
    /// their original order, gangs as one unit.
    /// </summary>
    private void Initialize()
    {
        Directory.CreateDirectory(_root);
        _lockFile = AcquireLock();
        lock (_gate)
        {
            var entries = Load().OrderBy(entry => entry.State.Sequence).ToList();
            var ended = new List<WorkloadEntry>();
            foreach (var entry in entries)
            {
                _entries[entry.Id] = entry;
                _nextSequence = Math.Max(_nextSequence, entry.State.Sequence + 1);
                switch (entry.State.Phase)
                {
                    case WorkloadPhase.Succeeded or WorkloadPhase.Failed:
                        entry.Finished.TrySetResult();
                        break;
                    case WorkloadPhase.Pending:
                        break;
                    default:
                        _ledger.Restore(Capacity.Of(entry.State.Spec.Resources), entry.State.GpuDevices);
                        _ports.Restore(entry.State.Ports.Values);
                        if (entry.State.Pid is null && WorkloadStateFile.ReadProcess(entry.Paths) is { } process)
                        {
                            // The last server died after the supervisor started the process but before it recorded it.
                            entry.State = entry.State with { Pid = process.Pid, ProcessGroupId = process.Pid, ProcessStartTime = process.StartTime };
                        }

                        if (entry.State is { Pid: int pid, ProcessStartTime: ulong startTime } && ProcFs.Exists(pid, startTime))
                        {
                            UpdateLocked(entry, entry.State with { Phase = WorkloadPhase.Running, Message = $"re-adopted after a server restart; running as process group {pid}." });
                            LogReadopted(entry.Id, pid);
                        }
                        else
                        {
                            ended.Add(entry);
                        }

                        break;
                }
            }

            var pending = entries.Where(entry => entry.State.Phase == WorkloadPhase.Pending);
            foreach (var unit in pending.GroupBy(entry => entry.State.GroupId ?? entry.Id, StringComparer.Ordinal))
            {
                _queue.Enqueue(unit);
            }

            foreach (var entry in ended)
            {
                entry.State = entry.State with { Phase = WorkloadPhase.Running };
                CompleteLocked(entry, endedWhileServerDown: true);
            }

            AdmitLocked();
            LogInitialized(_root, entries.Count);
        }

        SaveChanged();

        _monitor = MonitorAsync(_stopping.Token);
    }

    private IEnumerable<WorkloadEntry> Load()
    {
        foreach (var directory in Directory.EnumerateDirectories(_root))
        {
            var name = Path.GetFileName(directory);
            if (name.StartsWith('.'))
            {
                continue;
            }

            var paths = new WorkloadPaths(directory);
            WorkloadState? state;
            try
            {
                state = WorkloadStateFile.Read(paths);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                LogStateUnreadable(paths.State, ex);
                continue;
            }

            if (state is null || state.Spec.Id != name)
            {
                LogStateUnreadable(paths.State, null);
                continue;
            }

            yield return new WorkloadEntry(paths, state);
        }
    }

    /// <summary>Two servers over one data directory would both run the queue and signal each other's processes.</summary>
    private FileStream AcquireLock()
    {
        var path = Path.Combine(_root, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Another Sharpflow server is using the workloads in {_root} (the lock {path} is held): stop it or choose another data directory.", ex);
        }
    }
}
