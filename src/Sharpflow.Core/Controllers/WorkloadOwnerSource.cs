using Microsoft.Extensions.Logging;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// Enqueues the owner of every workload whose status changes, found by the owner labels of
/// <see cref="WorkloadLabels"/>, for every registered reconciler of that kind. After (re)subscribing it
/// enqueues the owners of all workloads, so changes missed while not subscribed are caught up.
/// </summary>
internal sealed partial class WorkloadOwnerSource : IReconcileSource
{
    private readonly IWorkloadRuntime _runtime;
    private readonly IReadOnlyList<IReconciler> _reconcilers;
    private readonly IReadOnlyList<ResourceKind> _kinds;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkloadOwnerSource> _logger;

    public WorkloadOwnerSource(IWorkloadRuntime runtime, IEnumerable<IReconciler> reconcilers, TimeProvider time, ILogger<WorkloadOwnerSource> logger)
    {
        _runtime = runtime;
        _reconcilers = [.. reconcilers];
        _kinds = _reconcilers.Select(r => r.Kind).Distinct().ToList();
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(IControllerTrigger trigger, CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = await WatchOnceAsync(trigger, cancellationToken);
                failures = received > 0 ? 0 : failures;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogWatchFailed(_logger, e);
            }

            await Task.Delay(backoff.Delay(failures++), _time, cancellationToken);
        }
    }

    /// <summary>Subscribes, enqueues the owners of all workloads, then forwards changes until the watch ends.</summary>
    private async Task<int> WatchOnceAsync(IControllerTrigger trigger, CancellationToken cancellationToken)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Started before the list: the runtime's watch subscribes as soon as it is first enumerated.
        var forwarding = ForwardAsync(trigger, watch.Token);
        try
        {
            foreach (var workload in await _runtime.ListAsync(cancellationToken))
            {
                EnqueueOwner(trigger, workload, always: true);
            }
        }
        catch
        {
            await watch.CancelAsync();
            await forwarding.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        return await forwarding;
    }

    private async Task<int> ForwardAsync(IControllerTrigger trigger, CancellationToken cancellationToken)
    {
        var received = 0;
        await foreach (var workload in _runtime.WatchAsync(cancellationToken))
        {
            received++;
            EnqueueOwner(trigger, workload, always: false);
        }

        return received;
    }

    private void EnqueueOwner(IControllerTrigger trigger, WorkloadStatus workload, bool always)
    {
        if (!workload.Labels.TryGetValue(WorkloadLabels.OwnerKind, out var kind)
            || !workload.Labels.TryGetValue(WorkloadLabels.OwnerName, out var name))
        {
            return;
        }

        workload.Labels.TryGetValue(WorkloadLabels.Namespace, out var ns);
        foreach (var owner in _kinds)
        {
            // Kinds of the same name may live in several groups (Experiment): each is asked on its own.
            if (owner.Kind == kind && (always || _reconcilers.Any(r => r.Kind == owner && r.ReactsTo(workload))))
            {
                trigger.Enqueue(new ResourceKey(owner.Group, owner.Kind, owner.Namespaced ? ns : null, name));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching workloads failed; subscribing again")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
