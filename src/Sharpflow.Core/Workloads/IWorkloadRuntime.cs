namespace Sharpflow.Core.Workloads;

/// <summary>
/// Runs container specs: as host processes locally, as pods on Kubernetes. Workloads are identified by
/// a caller-chosen id, survive a restart of the server (re-adopted or recorded as ended), and keep their
/// logs after they exit until <see cref="DeleteAsync"/>.
/// </summary>
public interface IWorkloadRuntime
{
    /// <summary>
    /// Submits one workload. It starts at once if its resource requests fit the free capacity, else it
    /// waits in the pending queue (phase Pending). Submitting an id that exists returns its status unchanged.
    /// </summary>
    Task<WorkloadStatus> StartAsync(WorkloadSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Submits a gang: all members are admitted together when all fit, never some of them.</summary>
    Task<IReadOnlyList<WorkloadStatus>> StartGroupAsync(IReadOnlyList<WorkloadSpec> specs, CancellationToken cancellationToken = default);

    /// <summary>Null when no workload has that id.</summary>
    Task<WorkloadStatus?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkloadStatus>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the workload to stop (SIGTERM to its process group), then kills it after the grace period.
    /// A pending workload is removed from the queue. The workload ends Failed with reason "Stopped".
    /// </summary>
    Task StopAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default);

    /// <summary>Stops the workload if it runs and forgets it, logs included.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lines of the workload's combined stdout and stderr; with follow, keeps streaming until it ends.</summary>
    IAsyncEnumerable<string> ReadLogAsync(string id, LogOptions options, CancellationToken cancellationToken = default);

    /// <summary>Every status change of every workload, live, until cancelled.</summary>
    IAsyncEnumerable<WorkloadStatus> WatchAsync(CancellationToken cancellationToken = default);
}
