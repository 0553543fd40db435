using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Dashboard.Model;

/// <summary>
/// Reads what every kind's status has in common, whatever its schema: <c>phase</c> (Pods, Notebooks),
/// <c>state</c> (pipeline runs), and Kubernetes-style <c>conditions</c> (jobs, experiments, services).
/// </summary>
internal static class ResourceStatus
{
    public static IReadOnlyList<Condition> Conditions(Resource resource)
    {
        if (resource.Status?["conditions"] is not JsonArray array)
        {
            return [];
        }

        var conditions = new List<Condition>();
        foreach (var item in array)
        {
            try
            {
                if (item?.Deserialize<Condition>(ApiJson.Options) is { } condition)
                {
                    conditions.Add(condition);
                }
            }
            catch (JsonException)
            {
                // A controller wrote a malformed condition; show the others rather than none.
            }
        }

        return conditions;
    }

    public static StatusSummary Summarize(Resource resource)
    {
        if (resource.Metadata.DeletionTimestamp is not null)
        {
            return new StatusSummary("Terminating", StatusTone.Warning);
        }

        if ((Text(resource.Status, "phase") ?? Text(resource.Status, "state")) is { } phase)
        {
            return new StatusSummary(phase, ToneOf(phase));
        }

        var conditions = Conditions(resource);
        if (conditions.FirstOrDefault(c => c.Type == "Ready") is { } ready)
        {
            return ready.Status == ConditionStatus.True
                ? new StatusSummary("Ready", StatusTone.Good)
                : new StatusSummary(ready.Reason ?? "NotReady", ready.Status == ConditionStatus.False ? StatusTone.Warning : StatusTone.Progressing);
        }

        // Job-style conditions (Created, Running, Succeeded, Failed): the latest one that holds is the state.
        var latest = conditions
            .Where(c => c.Status == ConditionStatus.True)
            .OrderBy(c => c.LastTransitionTime ?? DateTimeOffset.MinValue)
            .LastOrDefault();
        return latest is null ? StatusSummary.None : new StatusSummary(latest.Type, ToneOf(latest.Type));
    }

    public static StatusTone ToneOf(string word) => word.ToLowerInvariant() switch
    {
        "succeeded" or "success" or "completed" or "complete" or "ready" or "active" or "available" or "bound" => StatusTone.Good,
        "running" or "created" or "restarting" or "scheduled" or "progressing" => StatusTone.Progressing,
        "pending" or "waiting" or "paused" or "suspended" or "terminating" or "canceling" or "cancelling" or "canceled" or "cancelled" or "unknown" => StatusTone.Warning,
        "failed" or "failure" or "error" or "crashloopbackoff" => StatusTone.Bad,
        _ => StatusTone.Neutral,
    };

    /// <summary>Tone of a condition row: True is good for most types, but True on a failure type is bad.</summary>
    public static StatusTone ToneOf(Condition condition) => condition.Status switch
    {
        ConditionStatus.True => ToneOf(condition.Type) == StatusTone.Bad ? StatusTone.Bad : StatusTone.Good,
        ConditionStatus.False => ToneOf(condition.Type) == StatusTone.Bad ? StatusTone.Neutral : StatusTone.Warning,
        _ => StatusTone.Warning,
    };

    private static string? Text(JsonObject? status, string field) =>
        status?[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
