using System.Collections.Concurrent;
using Sharpflow.Runtime.Local.Launch;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    private readonly BlockingCollection<IReadOnlyList<PreparedLaunch>> _launches = [];
    private readonly List<Thread> _launchers = [];

    /// <summary>
    /// Hands an admitted unit to the launcher threads. A spawn blocks its thread until the child has exec'd, so it
    /// runs on threads of its own rather than in the caller, which has its answer (Running) already, or the thread
    /// pool; a few launchers overlap the waits of many starts.
    /// </summary>
    private void EnqueueLaunchLocked(IReadOnlyList<PreparedLaunch> unit)
    {
        _launches.Add(unit);
        if (_launchers.Count < Math.Max(2, Environment.ProcessorCount))
        {
            var launcher = new Thread(RunLauncher, 256 * 1024) { IsBackground = true, Name = "sharpflow-launcher" };
            _launchers.Add(launcher);
            launcher.Start();
        }
    }

    /// <summary>Starts units until the runtime is disposed and nothing is left to start.</summary>
    private void RunLauncher()
    {
        foreach (var unit in _launches.GetConsumingEnumerable())
        {
            var spawned = unit.Select(Spawn).ToList();
            var launched = new List<TaskCompletionSource?>();
            lock (_gate)
            {
                var freed = false;
                foreach (var (launch, pid, startTime, error) in spawned)
                {
                    launched.Add(launch.Entry.Launching);
                    launch.Entry.Launching = null;
                    if (error is null)
                    {
                        RecordStartedLocked(launch, pid, startTime);
                    }
                    else
                    {
                        RecordLaunchFailedLocked(launch, error);
                        freed = true;
                    }
                }

                if (freed)
                {
                    AdmitLocked();
                }
            }

            SaveChanged();
            launched.ForEach(done => done?.TrySetResult());
        }
    }

    /// <summary>Lets the launchers finish what was admitted, so every started process is recorded before a next runtime looks.</summary>
    private void StopLaunchers()
    {
        List<Thread> launchers;
        lock (_gate)
        {
            _launches.CompleteAdding();
            launchers = [.. _launchers];
        }

        foreach (var launcher in launchers)
        {
            launcher.Join();
        }

        _launches.Dispose();
    }
}
