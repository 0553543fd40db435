using Microsoft.Extensions.Logging;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Pods;

internal sealed partial class PodReconciler
{
    /// <summary>How long past the grace period to wait for a stop before deleting the workload outright.</summary>
    private static readonly TimeSpan StopSlack = TimeSpan.FromSeconds(5);

    /// <summary>Stops the current attempt with the pod's grace period, deletes every attempt, then lets the pod go.</summary>
    private async Task<ReconcileResult> FinalizeAsync(Resource pod, CancellationToken cancellationToken)
    {
        if (!pod.HasFinalizer(PodWorkloads.Finalizer))
        {
            return ReconcileResult.Done;
        }

        PodValidator.Validate(pod.Spec, out var spec);
        var status = pod.GetStatus<PodStatus>() ?? new PodStatus();
        var restartCount = status.MainContainer?.RestartCount ?? 0;
        var id = PodWorkloads.Id(pod, restartCount);
        var workload = await _runtime.GetAsync(id, cancellationToken);
        if (workload is { IsFinished: false })
        {
            var grace = spec?.TerminationGracePeriod ?? TimeSpan.FromSeconds(30);
            if (!StopRequested(status))
            {
                await _events.RecordAsync(pod, EventTypes.Normal, "Killing", $"Stopping container {(spec is { Containers.Count: > 0 } ? spec.Containers[0].Name : null)}", cancellationToken);
                await _runtime.StopAsync(id, grace, cancellationToken);
                var marked = await _store.UpdateStatusIfChangedAsync(pod, status with { Reason = "Terminating", Message = $"stopping with a grace period of {grace:g}" }, cancellationToken);
                if (marked is null)
                {
                    return ReconcileResult.Done;
                }

                pod = marked;
                workload = await _runtime.GetAsync(id, cancellationToken);
            }

            var forceAt = (pod.Metadata.DeletionTimestamp ?? _time.GetUtcNow()) + grace + StopSlack;
            var left = forceAt - _time.GetUtcNow();
            if (workload is { IsFinished: false } && left > TimeSpan.Zero)
            {
                // The workload watch reconciles again as soon as it ends; this is the backstop.
                return ReconcileResult.After(left);
            }
        }

        for (var attempt = 0; attempt <= restartCount; attempt++)
        {
            await _runtime.DeleteAsync(PodWorkloads.Id(pod, attempt), cancellationToken);
        }

        var finalizers = pod.Metadata.Finalizers!.Where(f => f != PodWorkloads.Finalizer).ToList();
        await _store.UpdateAsync(pod with { Metadata = pod.Metadata with { Finalizers = finalizers } }, cancellationToken);
        LogFinalized(_logger, pod.Metadata.Namespace, pod.Metadata.Name, restartCount + 1);
        return ReconcileResult.Done;
    }

    /// <summary>Removes workloads left by a pod that is gone without its finalizer having run (e.g. force-deleted).</summary>
    private async Task DeleteOrphansAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        foreach (var workload in await _runtime.ListAsync(cancellationToken))
        {
            if (workload.Labels.GetValueOrDefault(WorkloadLabels.OwnerKind) == Kind.Kind
                && workload.Labels.GetValueOrDefault(WorkloadLabels.Namespace) == key.Namespace
                && workload.Labels.GetValueOrDefault(WorkloadLabels.OwnerName) == key.Name)
            {
                await _runtime.DeleteAsync(workload.Id, cancellationToken);
                LogOrphanDeleted(_logger, workload.Id);
            }
        }
    }

    private static bool StopRequested(PodStatus status) => status.Reason == "Terminating";

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Namespace}/{Name} finalized; deleted {Attempts} workload attempt(s)")]
    private static partial void LogFinalized(ILogger logger, string? @namespace, string? name, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted orphaned workload {WorkloadId}")]
    private static partial void LogOrphanDeleted(ILogger logger, string workloadId);
}
