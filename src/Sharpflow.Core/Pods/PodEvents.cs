using Sharpflow.Api.Resources;
using Sharpflow.Core.Events;

namespace Sharpflow.Core.Pods;

/// <summary>The events a status change stands for, as the kubelet would report them.</summary>
internal static class PodEvents
{
    public static IEnumerable<PodEvent> Between(Resource pod, PodStatus before, PodStatus after)
    {
        var wasScheduled = Conditions.Find(before.Conditions, PodConditionTypes.PodScheduled);
        var scheduled = Conditions.Find(after.Conditions, PodConditionTypes.PodScheduled);
        if (scheduled?.Status == ConditionStatus.True && wasScheduled?.Status != ConditionStatus.True)
        {
            yield return new(EventTypes.Normal, "Scheduled", $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {Environment.MachineName}");
        }
        else if (scheduled?.Status == ConditionStatus.False && (wasScheduled?.Status != ConditionStatus.False || wasScheduled.Message != scheduled.Message))
        {
            yield return new(EventTypes.Warning, "FailedScheduling", scheduled.Message ?? "waiting for free capacity");
        }

        var old = before.MainContainer;
        var now = after.MainContainer;
        if (now?.State?.Running is not null && (old?.State?.Running is null || old.RestartCount != now.RestartCount))
        {
            yield return new(EventTypes.Normal, "Started", $"Started container {now.Name}");
        }

        if (now is not null && now.RestartCount > (old?.RestartCount ?? 0) && now.LastState?.Terminated is { } ended)
        {
            var wait = now.State?.Waiting?.Reason == "CrashLoopBackOff" ? "Back-off restarting" : "Restarting";
            yield return new(EventTypes.Warning, "BackOff", $"{wait} container {now.Name}: it exited with code {ended.ExitCode} ({ended.Reason})");
        }

        if (after.Phase != before.Phase)
        {
            if (after.Phase == PodPhases.Succeeded)
            {
                yield return new(EventTypes.Normal, "Completed", $"Container {now?.Name} completed successfully");
            }
            else if (after.Phase == PodPhases.Failed)
            {
                yield return new(EventTypes.Warning, after.Reason ?? "Failed", after.Message ?? FailureMessage(now));
            }
        }
    }

    private static string FailureMessage(ContainerStatus? container)
    {
        var ended = container?.State?.Terminated;
        var detail = ended?.Message is { Length: > 0 } message ? $": {message}" : string.Empty;
        return $"Container {container?.Name} failed with exit code {ended?.ExitCode} ({ended?.Reason}){detail}";
    }
}
