using Microsoft.Extensions.Logging;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Store;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Pods;

/// <summary>
/// Runs each pod's first container as a workload: one workload per attempt, restarted per the restart
/// policy with the kubelet's backoff, failed when the active deadline passes, and stopped (then removed
/// with its logs) when the pod is deleted, guarded by the <see cref="PodWorkloads.Finalizer"/> finalizer.
/// </summary>
internal sealed partial class PodReconciler : IReconciler
{
    private readonly IResourceStore _store;
    private readonly IWorkloadRuntime _runtime;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger<PodReconciler> _logger;

    public PodReconciler(IResourceStore store, IWorkloadRuntime runtime, IEventRecorderFactory events, TimeProvider time, ILogger<PodReconciler> logger)
    {
        _store = store;
        _runtime = runtime;
        _events = events.Create("pod-controller");
        _time = time;
        _logger = logger;
    }

    public ResourceKind Kind => BuiltInKinds.Pod;

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var pod = await _store.GetAsync(key, cancellationToken);
        if (pod is null)
        {
            await DeleteOrphansAsync(key, cancellationToken);
            return ReconcileResult.Done;
        }

        if (pod.IsBeingDeleted())
        {
            return await FinalizeAsync(pod, cancellationToken);
        }

        var status = pod.GetStatus<PodStatus>() ?? new PodStatus();
        if (PodPhases.IsTerminal(status.Phase))
        {
            return ReconcileResult.Done;
        }

        if (!pod.HasFinalizer(PodWorkloads.Finalizer))
        {
            pod = await _store.UpdateAsync(
                pod with { Metadata = pod.Metadata with { Finalizers = [.. pod.Metadata.Finalizers ?? [], PodWorkloads.Finalizer] } },
                cancellationToken);
        }

        var causes = PodValidator.Validate(pod.Spec, out var spec);
        if (causes.Count > 0 || spec is null)
        {
            var message = string.Join("; ", causes.Select(c => $"{c.Field}: {c.Message}"));
            await WriteStatusAsync(pod, status, PodStatusBuilder.Failed(status, "InvalidSpec", message, _time.GetUtcNow()), cancellationToken);
            return ReconcileResult.Done;
        }

        return await RunAsync(pod, spec, status, cancellationToken);
    }

    private async Task<ReconcileResult> RunAsync(Resource pod, PodSpec spec, PodStatus status, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var container = spec.Containers[0];
        var current = status.MainContainer;
        var restartCount = current?.RestartCount ?? 0;
        var id = PodWorkloads.Id(pod, restartCount);

        if (DeadlineRemaining(spec, status, now) is { } left && left <= TimeSpan.Zero)
        {
            return await FailDeadlineAsync(pod, spec, status, id, now, cancellationToken);
        }

        var workload = await _runtime.GetAsync(id, cancellationToken);
        if (workload is null)
        {
            var wait = PodRestartBackoff.Remaining(current, now);
            if (wait > TimeSpan.Zero)
            {
                return ReconcileResult.After(wait);
            }

            workload = await _runtime.StartAsync(PodWorkloads.Spec(pod, container, id), cancellationToken);
            LogStarted(_logger, id, restartCount);
        }

        var update = PodStatusBuilder.FromWorkload(status, spec, container, workload, restartCount, now);
        await WriteStatusAsync(pod, status, update.Status, cancellationToken);
        return Earliest(update.RequeueAfter, PodPhases.IsTerminal(update.Status.Phase) ? null : DeadlineRemaining(spec, update.Status, now));
    }

    private async Task<ReconcileResult> FailDeadlineAsync(Resource pod, PodSpec spec, PodStatus status, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var workload = await _runtime.GetAsync(id, cancellationToken);
        if (workload is { IsFinished: false })
        {
            await _events.RecordAsync(pod, EventTypes.Normal, "Killing", $"Stopping container {spec.Containers[0].Name}: the active deadline passed", cancellationToken);
            await _runtime.StopAsync(id, spec.TerminationGracePeriod, cancellationToken);
        }

        var failed = PodStatusBuilder.Failed(status, "DeadlineExceeded", $"Pod was active longer than the specified deadline of {spec.ActiveDeadlineSeconds} s", now);
        await WriteStatusAsync(pod, status, failed, cancellationToken);
        return ReconcileResult.Done;
    }

    private async Task WriteStatusAsync(Resource pod, PodStatus before, PodStatus after, CancellationToken cancellationToken)
    {
        var written = await _store.UpdateStatusIfChangedAsync(pod, after, cancellationToken);
        if (written is null)
        {
            return;
        }

        foreach (var change in PodEvents.Between(written, before, after))
        {
            await _events.RecordAsync(written, change.Type, change.Reason, change.Message, cancellationToken);
        }
    }

    private static TimeSpan? DeadlineRemaining(PodSpec spec, PodStatus status, DateTimeOffset now) =>
        spec.ActiveDeadlineSeconds is { } seconds && status.StartTime is { } started
            ? started + TimeSpan.FromSeconds(seconds) - now
            : null;

    private static ReconcileResult Earliest(TimeSpan? a, TimeSpan? b) =>
        a is null && b is null ? ReconcileResult.Done : ReconcileResult.After(a is null ? b!.Value : b is null ? a.Value : a < b ? a.Value : b.Value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started workload {WorkloadId} (restart {RestartCount})")]
    private static partial void LogStarted(ILogger logger, string workloadId, int restartCount);
}
