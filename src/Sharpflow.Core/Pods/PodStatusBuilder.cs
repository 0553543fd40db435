using Sharpflow.Api.Resources;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Pods;

/// <summary>Maps the status of a pod's current workload to pod status, deciding restarts by the restart policy.</summary>
internal static class PodStatusBuilder
{
    public const string LocalAddress = "127.0.0.1";

    public static PodStatusUpdate FromWorkload(PodStatus current, PodSpec spec, PodContainer container, WorkloadStatus workload, int restartCount, DateTimeOffset now)
    {
        var status = current with
        {
            PodIP = workload.Host ?? LocalAddress,
            StartTime = current.StartTime ?? now,
            Ports = workload.Ports.Count > 0 ? new Dictionary<string, int>(workload.Ports) : current.Ports,
            WorkloadId = workload.Id,
            Reason = null,
            Message = null,
        };
        var previous = current.MainContainer;
        var containerStatus = new ContainerStatus
        {
            Name = container.Name ?? string.Empty,
            Image = container.Image,
            RestartCount = restartCount,
            LastState = previous?.LastState,
            Started = false,
        };

        switch (workload.Phase)
        {
            case WorkloadPhase.Pending:
                var admitted = workload.Reason != "Unschedulable";
                return new(WithConditions(status with
                {
                    Phase = restartCount == 0 ? PodPhases.Pending : PodPhases.Running,
                    ContainerStatuses = [containerStatus with
                    {
                        State = new() { Waiting = new() { Reason = admitted ? "ContainerCreating" : "Unschedulable", Message = workload.Message } },
                    }],
                }, now, scheduled: admitted, ready: false, unschedulableMessage: workload.Message), null);

            case WorkloadPhase.Running:
                return new(WithConditions(status with
                {
                    Phase = PodPhases.Running,
                    ContainerStatuses = [containerStatus with
                    {
                        Ready = true,
                        Started = true,
                        State = new() { Running = new() { StartedAt = workload.StartedAt ?? now } },
                    }],
                }, now, scheduled: true, ready: true), null);

            case WorkloadPhase.Succeeded or WorkloadPhase.Failed:
                return Ended(status, spec, containerStatus, workload, now);

            default:
                // The runtime lost track of it for now (e.g. its node is unreachable); look again soon.
                return new(status with { Phase = PodPhases.Unknown, ContainerStatuses = current.ContainerStatuses }, TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>A pod failed by the controller itself (deadline exceeded, unreadable spec).</summary>
    public static PodStatus Failed(PodStatus current, string reason, string message, DateTimeOffset now)
    {
        var containers = current.ContainerStatuses?.Select(c => c.State?.Terminated is not null ? c with { Ready = false } : c with
        {
            Ready = false,
            Started = false,
            State = new() { Terminated = new() { ExitCode = 137, Reason = reason, StartedAt = c.State?.Running?.StartedAt, FinishedAt = now } },
        }).ToList();
        return WithConditions(current with { Phase = PodPhases.Failed, Reason = reason, Message = message, ContainerStatuses = containers }, now, scheduled: null, ready: false, reason: "PodFailed");
    }

    private static PodStatusUpdate Ended(PodStatus status, PodSpec spec, ContainerStatus container, WorkloadStatus workload, DateTimeOffset now)
    {
        var succeeded = workload.Phase == WorkloadPhase.Succeeded;
        var terminated = new ContainerStateTerminated
        {
            ExitCode = workload.ExitCode ?? (succeeded ? 0 : 1),
            Reason = workload.Reason ?? (succeeded ? "Completed" : "Error"),
            Message = workload.Message,
            StartedAt = workload.StartedAt,
            FinishedAt = workload.FinishedAt ?? now,
        };
        var restart = spec.EffectiveRestartPolicy switch
        {
            RestartPolicies.Always => true,
            RestartPolicies.OnFailure => !succeeded,
            _ => false,
        };

        if (!restart)
        {
            return new(WithConditions(status with
            {
                Phase = succeeded ? PodPhases.Succeeded : PodPhases.Failed,
                ContainerStatuses = [container with { State = new() { Terminated = terminated } }],
            }, now, scheduled: true, ready: false, reason: succeeded ? "PodCompleted" : "PodFailed"), null);
        }

        var delay = PodRestartBackoff.Delay(container.RestartCount, terminated);
        var waiting = delay > TimeSpan.Zero
            ? new ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = $"back-off {delay:g} restarting container {container.Name} (exit code {terminated.ExitCode})" }
            : new ContainerStateWaiting { Reason = "ContainerCreating" };
        return new(WithConditions(status with
        {
            Phase = PodPhases.Running,
            ContainerStatuses = [container with
            {
                RestartCount = container.RestartCount + 1,
                State = new() { Waiting = waiting },
                LastState = new() { Terminated = terminated },
            }],
        }, now, scheduled: true, ready: false), delay);
    }

    /// <param name="scheduled">Null leaves PodScheduled and Initialized as they are.</param>
    private static PodStatus WithConditions(PodStatus status, DateTimeOffset now, bool? scheduled, bool ready, string? unschedulableMessage = null, string reason = "ContainersNotReady")
    {
        var conditions = status.Conditions;
        if (scheduled is { } admitted)
        {
            conditions = Conditions.Set(conditions, admitted
                ? new Condition { Type = PodConditionTypes.PodScheduled, Status = ConditionStatus.True }
                : new Condition { Type = PodConditionTypes.PodScheduled, Status = ConditionStatus.False, Reason = "Unschedulable", Message = unschedulableMessage }, now);
            conditions = Conditions.Set(conditions, new Condition { Type = PodConditionTypes.Initialized, Status = admitted ? ConditionStatus.True : ConditionStatus.False }, now);
        }

        foreach (var type in new[] { PodConditionTypes.ContainersReady, PodConditionTypes.Ready })
        {
            conditions = Conditions.Set(conditions, ready
                ? new Condition { Type = type, Status = ConditionStatus.True }
                : new Condition { Type = type, Status = ConditionStatus.False, Reason = reason }, now);
        }

        return status with { Conditions = conditions };
    }
}
