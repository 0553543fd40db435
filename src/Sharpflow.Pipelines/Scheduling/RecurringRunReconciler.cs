using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Store;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Scheduling;

/// <summary>
/// Creates a recurring run's Runs when their time slots come. Level-triggered: the last scheduled slot lives
/// in status, each reconcile creates at most one run (the next slot, or with noCatchup the latest due one),
/// and requeues itself for the next slot. At most maxConcurrency of its runs are unfinished at a time; a
/// change of one of its runs (which it owns) reconciles it again.
/// </summary>
internal sealed partial class RecurringRunReconciler(
    IResourceStore store,
    IEventRecorderFactory events,
    TimeProvider time,
    ILogger<RecurringRunReconciler> logger) : IReconciler
{
    /// <summary>A backstop while runs are at the concurrency limit (their changes reconcile this object anyway).</summary>
    private static readonly TimeSpan BusyRecheck = TimeSpan.FromSeconds(30);

    private readonly IEventRecorder _events = events.Create("recurring-run-controller");

    public ResourceKind Kind => PipelineKinds.RecurringRun;

    public IReadOnlyList<ResourceKind> OwnedKinds => [PipelineKinds.Run];

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var recurring = await store.GetAsync(key, cancellationToken);
        if (recurring is null || recurring.IsBeingDeleted())
        {
            return ReconcileResult.Done;
        }

        RecurringRunSpec spec;
        RecurringRunStatus status;
        try
        {
            spec = recurring.GetSpec<RecurringRunSpec>() ?? new RecurringRunSpec();
            status = recurring.GetStatus<RecurringRunStatus>() ?? new RecurringRunStatus();
        }
        catch (JsonException e)
        {
            await store.UpdateStatusIfChangedAsync(recurring, new RecurringRunStatus { Message = $"the spec cannot be read: {e.Message}" }, cancellationToken);
            return ReconcileResult.Done;
        }

        if (spec.Mode == RecurringRunRuns.Disable)
        {
            await store.UpdateStatusIfChangedAsync(recurring, status with { Status = "DISABLED", NextScheduledTime = null, Message = null }, cancellationToken);
            return ReconcileResult.Done;
        }

        var schedule = RecurringSchedule.TryCreate(spec.Trigger, out var problem);
        if (schedule is null)
        {
            await store.UpdateStatusIfChangedAsync(recurring, status with { Status = "ENABLED", Message = $"{problem?.Field}: {problem?.Message}" }, cancellationToken);
            return ReconcileResult.Done;
        }

        var now = time.GetUtcNow();
        var created = recurring.Metadata.CreationTimestamp ?? now;
        var next = schedule.Next(status.LastScheduledTime, created);
        status = status with { Status = "ENABLED", NextScheduledTime = next, Message = null };
        if (next is null || next > now)
        {
            await store.UpdateStatusIfChangedAsync(recurring, status, cancellationToken);
            return next is { } later ? ReconcileResult.After(later - now) : ReconcileResult.Done;
        }

        var limit = spec.MaxConcurrency <= 0 ? 1 : spec.MaxConcurrency;
        var active = await CountUnfinishedRunsAsync(recurring, cancellationToken);
        if (active >= limit)
        {
            await store.UpdateStatusIfChangedAsync(recurring, status with { Message = $"{active} of its runs are unfinished (maxConcurrency {limit}); the next run waits" }, cancellationToken);
            return ReconcileResult.After(BusyRecheck);
        }

        var slot = spec.NoCatchup ? schedule.LatestDue(status.LastScheduledTime, created, now) ?? next.Value : next.Value;
        var run = RecurringRunRuns.For(recurring, spec, slot);
        try
        {
            await store.CreateAsync(run, cancellationToken);
            await _events.RecordAsync(recurring, EventTypes.Normal, "RunCreated", $"Created run {run.Metadata.Name} for {slot:u}", cancellationToken);
            LogCreated(logger, recurring.Metadata.Namespace, recurring.Metadata.Name, run.Metadata.Name!);
        }
        catch (ResourceException e) when (e.Reason == "AlreadyExists")
        {
            // Created by an earlier reconcile whose status write did not land.
        }

        var following = schedule.Next(slot, created);
        await store.UpdateStatusIfChangedAsync(
            recurring,
            status with { LastScheduledTime = slot, NextScheduledTime = following, RunsCreated = status.RunsCreated + 1 },
            cancellationToken);
        return following is { } due ? ReconcileResult.After(due > now ? due - now : TimeSpan.Zero) : ReconcileResult.Done;
    }

    private async Task<int> CountUnfinishedRunsAsync(Resource recurring, CancellationToken cancellationToken)
    {
        var runs = await store.ListAsync(
            new ListQuery
            {
                Group = PipelineKinds.Run.Group,
                Kind = PipelineKinds.Run.Kind,
                Namespace = recurring.Metadata.Namespace,
                LabelSelector = $"{RecurringRunRuns.Label}={recurring.Metadata.Name}",
            },
            cancellationToken);
        return runs.Items.Count(r => r.Metadata.OwnerReferences?.Any(o => o.Uid == recurring.Metadata.Uid) == true
            && !RunStates.IsFinal(r.Status?["state"]?.GetValue<string>()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring run {Namespace}/{Name} created run {Run}")]
    private static partial void LogCreated(ILogger logger, string? @namespace, string? name, string run);
}
