using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Engine;

internal sealed partial class RunReconciler
{
    /// <summary>The status the run's tree implies: its state (with history and times), task counts and outputs.</summary>
    private static RunStatus Desired(Resource run, RunStatus previous, RunContext context, DateTimeOffset now)
    {
        var root = context.Root!;
        var (state, error) = root.State switch
        {
            TaskExecutionState.Succeeded or TaskExecutionState.Cached => (RunStates.Succeeded, null),
            TaskExecutionState.Skipped => (RunStates.Skipped, null),
            TaskExecutionState.Failed => (RunStates.Failed, new RunError { Message = root.Error }),
            TaskExecutionState.Canceled => (RunStates.Canceled, new RunError { Message = root.Error }),
            _ => (context.Terminating ? RunStates.Canceling : RunStates.Running, (RunError?)null),
        };
        var definition = context.Definition;
        return Transition(run, previous, state, error, root.Record?.StartedAt, now) with
        {
            Tasks = Summary(context),
            Outputs = Outputs(root),
            PipelineName = definition.PipelineName,
            PipelineVersion = definition.Version,
            PipelineRoot = definition.PipelineRoot,
        };
    }

    /// <summary>
    /// Moves the status to <paramref name="state"/>: a history entry per change, start and finish times set once.
    /// The run started when its root DAG did (<paramref name="rootStarted"/>), not when this status is written.
    /// </summary>
    private static RunStatus Transition(Resource run, RunStatus previous, string state, RunError? error, DateTimeOffset? rootStarted, DateTimeOffset now)
    {
        var created = previous.CreatedAt ?? run.Metadata.CreationTimestamp ?? now;
        var history = previous.StateHistory;
        if (previous.State != state)
        {
            history = previous.State is null && state != RunStates.Pending
                ? [new RunStateTransition { UpdateTime = created, State = RunStates.Pending }, new RunStateTransition { UpdateTime = now, State = state, Error = error }]
                : [.. history, new RunStateTransition { UpdateTime = now, State = state, Error = error }];
        }

        return previous with
        {
            State = state,
            Error = error,
            StateHistory = history,
            CreatedAt = created,
            StartedAt = state == RunStates.Pending ? previous.StartedAt : previous.StartedAt ?? rootStarted ?? now,
            FinishedAt = RunStates.IsFinal(state) ? previous.FinishedAt ?? now : null,
        };
    }

    private static RunTaskSummary Summary(RunContext context) => new()
    {
        Total = context.TotalLeaves,
        Pending = context.Count(TaskExecutionState.Pending),
        Running = context.Count(TaskExecutionState.Running),
        Succeeded = context.Count(TaskExecutionState.Succeeded),
        Cached = context.Count(TaskExecutionState.Cached),
        Skipped = context.Count(TaskExecutionState.Skipped),
        Failed = context.Count(TaskExecutionState.Failed),
        Canceled = context.Count(TaskExecutionState.Canceled),
    };

    private static RunOutputs? Outputs(ExecutionNode root)
    {
        var outputs = root.Outputs;
        if (!root.State.HasOutputs() || (outputs.Parameters.Count == 0 && outputs.Artifacts.Count == 0))
        {
            return null;
        }

        return new RunOutputs
        {
            Parameters = outputs.Parameters.Count == 0 ? null : new JsonObject(outputs.Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            Artifacts = outputs.Artifacts.Count == 0 ? null : NodeOutputs.ArtifactsToJson(outputs.Artifacts),
        };
    }

    /// <summary>
    /// Writes the status when it changed, recording an event per state change. A change of the task counts
    /// alone waits until <see cref="PipelineEngineOptions.StatusInterval"/> after the last write; the time to look
    /// again is returned then.
    /// </summary>
    private async Task<DateTimeOffset?> WriteStatusAsync(
        Resource run, RunStatus previous, RunStatus desired, RunContext? context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (context?.LastStatusWrite is { } last && previous.State == desired.State
            && last + _options.StatusInterval > now && SameBut(previous, desired))
        {
            return last + _options.StatusInterval;
        }

        var written = await _store.UpdateStatusIfChangedAsync(run, desired, cancellationToken);
        if (written is null || ReferenceEquals(written, run))
        {
            return null;
        }

        _runs.Put(written);

        if (context is not null)
        {
            context.LastStatusWrite = now;
        }

        if (previous.State != desired.State)
        {
            await RecordTransitionAsync(written, desired, cancellationToken);
        }

        return null;
    }

    /// <summary>Whether two statuses differ in their task counts at most.</summary>
    private static bool SameBut(RunStatus previous, RunStatus desired) =>
        JsonNode.DeepEquals(
            ResourceExtensions.ToObject(previous with { Tasks = null, ObservedGeneration = 0 }),
            ResourceExtensions.ToObject(desired with { Tasks = null, ObservedGeneration = 0 }));

    private Task RecordTransitionAsync(Resource run, RunStatus status, CancellationToken cancellationToken) => status.State switch
    {
        RunStates.Running => _events.RecordAsync(run, EventTypes.Normal, "Started",
            status.Retries > 0 ? $"Retry {status.Retries} of the run started" : $"Running pipeline {status.PipelineName}", cancellationToken),
        RunStates.Succeeded => _events.RecordAsync(run, EventTypes.Normal, "Succeeded", $"{status.Tasks?.Total ?? 0} tasks done", cancellationToken),
        RunStates.Failed => _events.RecordAsync(run, EventTypes.Warning, "Failed", status.Error?.Message ?? "the run failed", cancellationToken),
        RunStates.Canceling => _events.RecordAsync(run, EventTypes.Normal, "Terminating", "Stopping the run's tasks", cancellationToken),
        RunStates.Canceled => _events.RecordAsync(run, EventTypes.Normal, "Canceled", "The run was terminated", cancellationToken),
        RunStates.Pending when status.Error is { } error => _events.RecordAsync(run, EventTypes.Warning, "Waiting", error.Message ?? string.Empty, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>A run that cannot start: it fails when its pipeline is invalid, and waits (PENDING) for a missing pipeline version.</summary>
    private async Task<ReconcileResult> NotStartedAsync(Resource run, RunStatus status, RunLoad load, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (load.Failure is { } failure)
        {
            var failed = Transition(run, status, RunStates.Failed, new RunError { Message = failure }, null, now);
            await WriteStatusAsync(run, status, failed, null, now, cancellationToken);
            return ReconcileResult.Done;
        }

        var waiting = Transition(run, status, RunStates.Pending, new RunError { Message = load.Waiting }, null, now);
        if (RunSpecFields.Terminate(run))
        {
            waiting = Transition(run, status, RunStates.Canceled, new RunError { Message = "the run was terminated before it started" }, null, now);
        }

        await WriteStatusAsync(run, status, waiting, null, now, cancellationToken);
        return RunStates.IsFinal(waiting.State) ? ReconcileResult.Done : ReconcileResult.After(_options.PendingRecheck);
    }
}
