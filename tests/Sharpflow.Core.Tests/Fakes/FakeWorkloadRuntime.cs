using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Tests.Fakes;

/// <summary>
/// Workloads as records the test drives: they start in <see cref="StartPhase"/>, end when the test calls
/// <see cref="Finish"/>, and stop at once when <see cref="StopEndsWorkload"/> (else only when finished).
/// </summary>
internal sealed class FakeWorkloadRuntime(TimeProvider time) : IWorkloadRuntime
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WorkloadStatus> _workloads = [];
    private readonly List<Channel<WorkloadStatus>> _watchers = [];

    public WorkloadPhase StartPhase { get; set; } = WorkloadPhase.Running;

    public bool StopEndsWorkload { get; set; } = true;

    public List<WorkloadSpec> Started { get; } = [];

    public List<(string Id, TimeSpan Grace)> Stops { get; } = [];

    public List<string> Deleted { get; } = [];

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public Task<WorkloadStatus> StartAsync(WorkloadSpec spec, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_workloads.TryGetValue(spec.Id, out var existing))
            {
                return Task.FromResult(existing);
            }

            Started.Add(spec);
            var running = StartPhase == WorkloadPhase.Running;
            return Task.FromResult(Publish(new WorkloadStatus
            {
                Id = spec.Id,
                Phase = StartPhase,
                Reason = running ? null : "Unschedulable",
                StartedAt = running ? time.GetUtcNow() : null,
                Host = "127.0.0.1",
                Ports = spec.Ports.ToDictionary(p => p.Name, p => 40000 + p.ContainerPort),
                Labels = spec.Labels,
            }));
        }
    }

    public async Task<IReadOnlyList<WorkloadStatus>> StartGroupAsync(IReadOnlyList<WorkloadSpec> specs, CancellationToken cancellationToken = default)
    {
        var started = new List<WorkloadStatus>();
        foreach (var spec in specs)
        {
            started.Add(await StartAsync(spec, cancellationToken));
        }

        return started;
    }

    public Task<WorkloadStatus?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_workloads.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<WorkloadStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WorkloadStatus>>([.. _workloads.Values]);
        }
    }

    public Task StopAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Stops.Add((id, gracePeriod));
            if (StopEndsWorkload && _workloads.TryGetValue(id, out var status) && !status.IsFinished)
            {
                Publish(status with { Phase = WorkloadPhase.Failed, ExitCode = 143, Reason = "Stopped", FinishedAt = time.GetUtcNow() });
            }

            return Task.CompletedTask;
        }
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_workloads.Remove(id))
            {
                Deleted.Add(id);
            }

            return Task.CompletedTask;
        }
    }

    public async IAsyncEnumerable<string> ReadLogAsync(string id, LogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async IAsyncEnumerable<WorkloadStatus> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<WorkloadStatus>();
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var status in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return status;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public WorkloadStatus Get(string id)
    {
        lock (_gate)
        {
            return _workloads[id];
        }
    }

    /// <summary>Ends a workload with an exit code, as its process exiting would.</summary>
    public void Finish(string id, int exitCode)
    {
        lock (_gate)
        {
            var status = _workloads[id];
            Publish(status with
            {
                Phase = exitCode == 0 ? WorkloadPhase.Succeeded : WorkloadPhase.Failed,
                ExitCode = exitCode,
                Reason = exitCode == 0 ? "Completed" : "Error",
                StartedAt = status.StartedAt ?? time.GetUtcNow(),
                FinishedAt = time.GetUtcNow(),
            });
        }
    }

    /// <summary>Admits a pending workload.</summary>
    public void Run(string id)
    {
        lock (_gate)
        {
            Publish(_workloads[id] with { Phase = WorkloadPhase.Running, Reason = "Admitted", StartedAt = time.GetUtcNow() });
        }
    }

    private WorkloadStatus Publish(WorkloadStatus status)
    {
        _workloads[status.Id] = status;
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(status);
        }

        return status;
    }
}
