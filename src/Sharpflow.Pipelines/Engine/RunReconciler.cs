using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Store;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Artifacts;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// Runs pipeline Runs. Level-triggered: each reconcile (on a change of the Run, of one of its task workloads,
/// or when a retry backoff is due) advances the run's in-memory execution tree as far as it can go, saves
/// the executions that changed in one batch, and writes the run's status when it changed. The tree is
/// rebuilt from the execution store after a restart: finished tasks are never run again, running ones are
/// found again through the workload runtime. Terminate, retry and deletion are in the partial files.
/// </summary>
internal sealed partial class RunReconciler : IReconciler
{
    public const string Finalizer = "pipelines.kubeflow.org/run-executions";

    /// <summary>A safety net while a run is busy: look again even if a workload event was missed.</summary>
    private static readonly TimeSpan BusyResync = TimeSpan.FromSeconds(30);

    private readonly IResourceStore _store;
    private readonly IExecutionStore _executions;
    private readonly IWorkloadRuntime _runtime;
    private readonly RunContextCache _contexts;
    private readonly RunContextLoader _loader;
    private readonly DagEngine _engine;
    private readonly PipelineArtifactLayout _layout;
    private readonly PipelineEngineOptions _options;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger<RunReconciler> _logger;
    private readonly RunCache _runs = new();

    public RunReconciler(
        IResourceStore store,
        IExecutionStore executions,
        IWorkloadRuntime runtime,
        RunContextCache contexts,
        RunContextLoader loader,
        DagEngine engine,
        PipelineArtifactLayout layout,
        IOptions<PipelineEngineOptions> options,
        IEventRecorderFactory events,
        TimeProvider time,
        ILogger<RunReconciler> logger)
    {
        _store = store;
        _executions = executions;
        _runtime = runtime;
        _contexts = contexts;
        _loader = loader;
        _engine = engine;
        _layout = layout;
        _options = options.Value;
        _events = events.Create("pipeline-controller");
        _time = time;
        _logger = logger;
    }

    public ResourceKind Kind => PipelineKinds.Run;

    /// <summary>
    /// A task's workload matters to its run only when it ends: the task counts as running from its launch, so a
    /// workload starting (or waiting for admission) changes nothing and is not worth a reconcile.
    /// </summary>
    public bool ReactsTo(WorkloadStatus workload) => workload.IsFinished;

    public void Observe(WatchEvent change) => _runs.Observe(change);

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await ReconcileRunAsync(key, cancellationToken);
        }
        catch
        {
            // Perhaps a conflict with a version the cache had not seen yet: read the store next time.
            _runs.Remove(key);
            throw;
        }
    }

    private async Task<ReconcileResult> ReconcileRunAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var run = _runs.Get(key) ?? await _store.GetAsync(key, cancellationToken);
        if (run is null)
        {
            return ReconcileResult.Done;
        }

        var uid = run.Metadata.Uid!;
        if (run.IsBeingDeleted())
        {
            return await FinalizeAsync(run, cancellationToken);
        }

        var status = ReadStatus(run);
        if (RunStates.IsFinal(status.State))
        {
            _contexts.Remove(uid);
            return RunStates.IsRetryable(status.State) && RunSpecFields.Retry(run) > status.Retries
                ? await RetryAsync(run, status, cancellationToken)
                : ReconcileResult.Done;
        }

        if (!run.HasFinalizer(Finalizer))
        {
            run = await _store.UpdateAsync(
                run with { Metadata = run.Metadata with { Finalizers = [.. run.Metadata.Finalizers ?? [], Finalizer] } },
                cancellationToken);
            _runs.Put(run);
        }

        var context = _contexts.Get(uid);
        if (context is null)
        {
            var load = await _loader.LoadAsync(run, status, cancellationToken);
            if (load.Context is null)
            {
                return await NotStartedAsync(run, status, load, cancellationToken);
            }

            context = load.Context;
            _contexts.Set(context);
            if (context.Definition.Package.PlatformSpec is not null && status.StartedAt is null)
            {
                await _events.RecordAsync(run, EventTypes.Warning, "PlatformConfigIgnored",
                    "The pipeline's platforms.kubernetes settings (secrets, volumes, node selectors, ...) do not apply to local processes", cancellationToken);
            }
        }

        context.Terminating |= RunSpecFields.Terminate(run);
        var pass = new EnginePass();
        try
        {
            await _engine.AdvanceAsync(context, pass, cancellationToken);
            await SaveAsync(context, cancellationToken);
        }
        catch
        {
            // The tree may be half-updated: rebuild it from the store (workload ids are deterministic) next time.
            _contexts.Remove(uid);
            throw;
        }

        // Nothing changed since the status was last brought up to date: skip computing it again.
        var source = (context.Changes, context.Terminating, run.Metadata.ResourceVersion);
        if (context.StatusSource == source && pass.WakeAt is null)
        {
            return ReconcileResult.After(BusyResync);
        }

        var now = _time.GetUtcNow();
        var desired = Desired(run, status, context, now);
        var wakeAt = await WriteStatusAsync(run, status, desired, context, now, cancellationToken);
        context.StatusSource = wakeAt is null ? (context.Changes, context.Terminating, run.Metadata.ResourceVersion) : null;
        if (RunStates.IsFinal(desired.State))
        {
            _contexts.Remove(uid);
            LogFinished(_logger, run.Metadata.Namespace, run.Metadata.Name, desired.State!, context.TotalLeaves);
            return ReconcileResult.Done;
        }

        var next = Earliest(pass.WakeAt, wakeAt) is { } at ? at - now : BusyResync;
        return ReconcileResult.After(next < BusyResync ? next : BusyResync);
    }

    private async Task SaveAsync(RunContext context, CancellationToken cancellationToken)
    {
        var dirty = context.TakeDirty();
        try
        {
            await _executions.SaveAsync(dirty, cancellationToken);
        }
        catch
        {
            context.Restore(dirty);
            throw;
        }
    }

    private static RunStatus ReadStatus(Resource run)
    {
        try
        {
            return run.GetStatus<RunStatus>() ?? new RunStatus();
        }
        catch (JsonException)
        {
            return new RunStatus();
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Namespace}/{Name} finished {State} ({Tasks} tasks)")]
    private static partial void LogFinished(ILogger logger, string? @namespace, string? name, string state, int tasks);
}
