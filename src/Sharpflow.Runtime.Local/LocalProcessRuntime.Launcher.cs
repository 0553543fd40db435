using System.Collections.Concurrent;
using Sharpflow.Runtime.Local.Launch;
using Sharpflow.Runtime.Local.Supervision;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    private static readonly TimeSpan SupervisorAnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly BlockingCollection<long> _launches = [];
    // Under _gate: launches sent or about to be sent to a supervisor, and started processes not yet reported ended.
    private readonly Dictionary<long, (PreparedLaunch Launch, SupervisorConnection? Connection)> _spawning = [];
    private readonly Dictionary<long, (WorkloadEntry Entry, SupervisorConnection Connection)> _children = [];
    private long _nextSpawn;
    private SupervisorConnection? _supervisor;
    private Thread? _launcher;

    /// <summary>
    /// Hands an admitted unit to the launcher thread, which sends it to the supervisor: writing to its pipe may wait
    /// while the supervisor is busy, and must not happen under the lock the supervisor's reports need.
    /// </summary>
    private void EnqueueLaunchLocked(IReadOnlyList<PreparedLaunch> unit)
    {
        foreach (var launch in unit)
        {
            var sequence = ++_nextSpawn;
            _spawning[sequence] = (launch, null);
            _launches.Add(sequence);
        }

        if (_launcher is null)
        {
            _launcher = new Thread(RunLauncher, 256 * 1024) { IsBackground = true, Name = "sharpflow-launcher" };
            _launcher.Start();
        }
    }

    /// <summary>Sends launches to the supervisor, starting one when there is none (the first launch, or the last one died).</summary>
    private void RunLauncher()
    {
        foreach (var sequence in _launches.GetConsumingEnumerable())
        {
            PreparedLaunch launch;
            SupervisorConnection? supervisor = null;
            TaskCompletionSource? failed = null;
            lock (_gate)
            {
                launch = _spawning[sequence].Launch;
                try
                {
                    supervisor = _supervisor ??= SupervisorConnection.Start(_root, Path.Combine(_root, ".supervisor.log"), OnSupervisorReport, OnSupervisorLost);
                    _spawning[sequence] = (launch, supervisor);
                }
                catch (WorkloadLaunchException ex)
                {
                    _spawning.Remove(sequence);
                    failed = launch.Entry.Launching;
                    RecordLaunchedLocked(launch, pid: 0, startTime: null, supervisor: null, ex.Message);
                }
            }

            if (supervisor is null)
            {
                SaveChanged();
                failed?.TrySetResult();
                continue;
            }

            // On disk before the process can run (the caller may not have saved it yet), so that a server that dies from
            // here on leaves a workload the next one finds. A supervisor that died is reported by its reader, which fails
            // what it was sent, this one included.
            Save(launch.Entry);
            supervisor.Send(sequence, launch.Plan);
        }
    }

    /// <summary>Runs on the connection's reader thread, one report after another.</summary>
    private void OnSupervisorReport(SupervisorConnection supervisor, SupervisorReport report)
    {
        TaskCompletionSource? launched = null;
        lock (_gate)
        {
            switch (report.Kind)
            {
                case SupervisorReport.Started or SupervisorReport.Failed when _spawning.Remove(report.Sequence, out var spawning):
                    launched = spawning.Launch.Entry.Launching;
                    RecordLaunchedLocked(spawning.Launch, report.Pid, report.StartTime, supervisor, report.Error);
                    if (report.Error is null)
                    {
                        _children[report.Sequence] = (spawning.Launch.Entry, supervisor);
                    }

                    break;
                case SupervisorReport.Exited when _children.Remove(report.Sequence, out var child):
                    OnChildExitedLocked(child.Entry, report.Pid, report.ExitCode);
                    break;
            }
        }

        SaveChanged();
        launched?.TrySetResult();
    }

    /// <summary>
    /// The supervisor's output ended: it died (or this runtime closed it). What it was asked to start and did not
    /// confirm fails; its running processes, now nobody's children, are watched in /proc like re-adopted ones.
    /// </summary>
    private void OnSupervisorLost(SupervisorConnection supervisor)
    {
        List<TaskCompletionSource?> launched = [];
        lock (_gate)
        {
            if (_supervisor == supervisor)
            {
                _supervisor = null;
            }

            foreach (var (sequence, (launch, connection)) in _spawning.Where(pair => pair.Value.Connection == supervisor).ToList())
            {
                _spawning.Remove(sequence);
                launched.Add(launch.Entry.Launching);
                RecordLaunchedLocked(launch, pid: 0, startTime: null, supervisor: null, "the workload supervisor ended before it confirmed the start; see workloads/.supervisor.log.");
            }

            foreach (var (sequence, (entry, _)) in _children.Where(pair => pair.Value.Connection == supervisor).ToList())
            {
                _children.Remove(sequence);
                entry.IsRunningChild = false;
                if (!_disposed)
                {
                    LogSupervisorLost(entry.Id, supervisor.Pid);
                    CompleteIfEndedLocked(entry);
                }
            }
        }

        SaveChanged();
        launched.ForEach(done => done?.TrySetResult());
        supervisor.Dispose();
    }

    /// <summary>
    /// Sends what was admitted and waits until the supervisor confirmed each start, so every started process is recorded
    /// before a next runtime looks; then lets go of the supervisor, which goes on until its processes ended.
    /// </summary>
    private async Task StopLaunchersAsync()
    {
        Thread? launcher;
        List<Task> launching;
        lock (_gate)
        {
            _launches.CompleteAdding();
            launcher = _launcher;
            launching = [.. _spawning.Values.Select(spawning => spawning.Launch.Entry.Launching?.Task).OfType<Task>()];
        }

        launcher?.Join();
        await Task.WhenAll(launching).WaitAsync(SupervisorAnswerTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _launches.Dispose();
        SupervisorConnection? supervisor;
        lock (_gate)
        {
            supervisor = _supervisor;
            _supervisor = null;
        }

        supervisor?.Dispose();
    }
}
