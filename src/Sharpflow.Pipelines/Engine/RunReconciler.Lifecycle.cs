using Microsoft.Extensions.Logging;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Engine;

internal sealed partial class RunReconciler
{
    /// <summary>
    /// Starts retry <c>spec.retry</c> of a failed or canceled run: forgets every execution except container and
    /// importer tasks that succeeded or were cached (those keep their outputs), and puts the run back to RUNNING.
    /// The next reconcile rebuilds the tree; the kept tasks take their records over instead of running.
    /// </summary>
    private async Task<ReconcileResult> RetryAsync(Resource run, RunStatus status, CancellationToken cancellationToken)
    {
        var uid = run.Metadata.Uid!;
        var executions = await _executions.ListByRunAsync(uid, cancellationToken);
        var reset = executions
            .Where(e => !(e.Kind is TaskExecutionKind.Container or TaskExecutionKind.Importer && e.State.HasOutputs()))
            .Select(e => e.Id)
            .ToList();
        await _executions.DeleteAsync(reset, cancellationToken);

        var now = _time.GetUtcNow();
        var retries = RunSpecFields.Retry(run);
        var retrying = Transition(run, status with { Retries = retries }, RunStates.Running, null, null, now) with { Outputs = null };
        await WriteStatusAsync(run, status, retrying, null, now, cancellationToken);
        LogRetrying(_logger, run.Metadata.Namespace, run.Metadata.Name, retries, executions.Count - reset.Count);
        return ReconcileResult.After(TimeSpan.Zero);
    }

    /// <summary>Deletes what a deleted run leaves behind: its workloads (and their logs), executions and scratch folders. Artifacts stay: other runs may reuse them from the cache.</summary>
    private async Task<ReconcileResult> FinalizeAsync(Resource run, CancellationToken cancellationToken)
    {
        if (!run.HasFinalizer(Finalizer))
        {
            return ReconcileResult.Done;
        }

        var uid = run.Metadata.Uid!;
        _contexts.Remove(uid);
        foreach (var workload in await _runtime.ListAsync(cancellationToken))
        {
            if (workload.Labels.GetValueOrDefault(WorkloadLabels.OwnerUid) == uid)
            {
                await _runtime.DeleteAsync(workload.Id, cancellationToken);
            }
        }

        var deleted = await _executions.DeleteByRunAsync(uid, cancellationToken);
        try
        {
            var scratch = _layout.RunScratch(uid);
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogScratchNotDeleted(_logger, uid, e.Message);
        }

        var finalizers = run.Metadata.Finalizers!.Where(f => f != Finalizer).ToList();
        await _store.UpdateAsync(run with { Metadata = run.Metadata with { Finalizers = finalizers } }, cancellationToken);
        _runs.Remove(ResourceKey.Of(run));
        LogDeleted(_logger, run.Metadata.Namespace, run.Metadata.Name, deleted);
        return ReconcileResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Namespace}/{Name}: retry {Retry} starts; {Kept} task results kept")]
    private static partial void LogRetrying(ILogger logger, string? @namespace, string? name, int retry, int kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Namespace}/{Name} deleted with its {Executions} task executions")]
    private static partial void LogDeleted(ILogger logger, string? @namespace, string? name, int executions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scratch folder of run {Uid} could not be deleted: {Message}")]
    private static partial void LogScratchNotDeleted(ILogger logger, string uid, string message);
}
