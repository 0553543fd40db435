using System.Collections.Concurrent;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// The workload runtime as container tasks see it: an attempt with output artifacts in object storage succeeds only
/// once they are uploaded, as in KFP, where the launcher inside the pod uploads them before the pod ends. The upload
/// runs when the status of the succeeded workload is read, before the task's outputs are published; when it fails,
/// the attempt reads as failed (reason <see cref="UploadFailedReason"/>) and the task's retry policy applies.
/// Workloads without staged outputs pass through unchanged.
/// </summary>
internal sealed class ArtifactStagingRuntime(IWorkloadRuntime inner, ArtifactStaging staging) : IWorkloadRuntime
{
    public const string UploadFailedReason = "ArtifactUploadFailed";

    private readonly ConcurrentDictionary<string, ArtifactStagingPlan> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _failed = new(StringComparer.Ordinal);

    public ArtifactStaging Staging => staging;

    /// <summary>Uploads the plan's outputs when the workload has succeeded, before its success is reported.</summary>
    public void UploadOnSuccess(string workloadId, ArtifactStagingPlan plan)
    {
        _failed.TryRemove(workloadId, out _);
        if (plan.Outputs.Count > 0)
        {
            _pending[workloadId] = plan;
        }
    }

    public async Task<WorkloadStatus?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var status = await inner.GetAsync(id, cancellationToken);
        return status is { IsFinished: true } && (_pending.ContainsKey(id) || _failed.ContainsKey(id))
            ? await SettleAsync(status, cancellationToken)
            : status;
    }

    public async Task<IReadOnlyList<WorkloadStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var statuses = await inner.ListAsync(cancellationToken);
        if (_pending.IsEmpty && _failed.IsEmpty)
        {
            return statuses;
        }

        var settled = new List<WorkloadStatus>(statuses.Count);
        foreach (var status in statuses)
        {
            settled.Add(status.IsFinished ? await SettleAsync(status, cancellationToken) : status);
        }

        return settled;
    }

    public Task<WorkloadStatus> StartAsync(WorkloadSpec spec, CancellationToken cancellationToken = default) =>
        inner.StartAsync(spec, cancellationToken);

    public Task<IReadOnlyList<WorkloadStatus>> StartGroupAsync(IReadOnlyList<WorkloadSpec> specs, CancellationToken cancellationToken = default) =>
        inner.StartGroupAsync(specs, cancellationToken);

    public Task StopAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        inner.StopAsync(id, gracePeriod, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        _pending.TryRemove(id, out _);
        _failed.TryRemove(id, out _);
        return inner.DeleteAsync(id, cancellationToken);
    }

    public IAsyncEnumerable<string> ReadLogAsync(string id, LogOptions options, CancellationToken cancellationToken = default) =>
        inner.ReadLogAsync(id, options, cancellationToken);

    public IAsyncEnumerable<WorkloadStatus> WatchAsync(CancellationToken cancellationToken = default) =>
        inner.WatchAsync(cancellationToken);

    private async Task<WorkloadStatus> SettleAsync(WorkloadStatus status, CancellationToken cancellationToken)
    {
        if (status.Phase != WorkloadPhase.Succeeded)
        {
            _pending.TryRemove(status.Id, out _);
            _failed.TryRemove(status.Id, out _);
            return status;
        }

        if (_pending.TryGetValue(status.Id, out var plan))
        {
            try
            {
                await staging.UploadAsync(plan, cancellationToken);
                _pending.TryRemove(status.Id, out _);
                return status;
            }
            catch (LaunchException e)
            {
                _pending.TryRemove(status.Id, out _);
                _failed[status.Id] = e.Message;
            }
        }

        return _failed.TryGetValue(status.Id, out var error)
            ? status with { Phase = WorkloadPhase.Failed, ExitCode = null, Reason = UploadFailedReason, Message = error }
            : status;
    }
}
