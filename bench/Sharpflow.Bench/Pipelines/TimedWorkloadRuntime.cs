using System.Diagnostics;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Bench.Pipelines;

/// <summary>
/// Passes every call to the server's workload runtime and adds up the time callers wait in start, get, list, stop
/// and delete, so that the engine's own share of a reconcile can be told apart from the runtime's.
/// </summary>
internal sealed class TimedWorkloadRuntime(IWorkloadRuntime inner) : IWorkloadRuntime
{
    private long _ticks;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public Task<WorkloadStatus> StartAsync(WorkloadSpec spec, CancellationToken cancellationToken = default) => TimeAsync(() => inner.StartAsync(spec, cancellationToken));

    public Task<IReadOnlyList<WorkloadStatus>> StartGroupAsync(IReadOnlyList<WorkloadSpec> specs, CancellationToken cancellationToken = default) =>
        TimeAsync(() => inner.StartGroupAsync(specs, cancellationToken));

    public Task<WorkloadStatus?> GetAsync(string id, CancellationToken cancellationToken = default) => TimeAsync(() => inner.GetAsync(id, cancellationToken));

    public Task<IReadOnlyList<WorkloadStatus>> ListAsync(CancellationToken cancellationToken = default) => TimeAsync(() => inner.ListAsync(cancellationToken));

    public Task StopAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        TimeAsync(() => inner.StopAsync(id, gracePeriod, cancellationToken));

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => TimeAsync(() => inner.DeleteAsync(id, cancellationToken));

    public IAsyncEnumerable<string> ReadLogAsync(string id, LogOptions options, CancellationToken cancellationToken = default) =>
        inner.ReadLogAsync(id, options, cancellationToken);

    public IAsyncEnumerable<WorkloadStatus> WatchAsync(CancellationToken cancellationToken = default) => inner.WatchAsync(cancellationToken);

    private async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }

    private async Task TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }
}
