using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;

namespace Sharpflow.Cli.Output;

/// <summary>
/// The STATUS column for any kind: Terminating while being deleted, else <c>status.phase</c>, else
/// <c>status.state</c>, else what the conditions say (a finished condition, then Ready, then the
/// newest true condition), else "-".
/// </summary>
internal static class ResourceStatus
{
    private static readonly string[] Finished = ["Failed", "Succeeded", "Complete", "Completed"];

    public static string Summarize(Resource resource)
    {
        if (resource.Metadata.DeletionTimestamp is not null)
        {
            return "Terminating";
        }

        var status = resource.Status;
        if (Text(status?["phase"]) is { Length: > 0 } phase)
        {
            return phase;
        }

        if (Text(status?["state"]) is { Length: > 0 } state)
        {
            return state;
        }

        return FromConditions(status?["conditions"] as JsonArray) ?? "-";
    }

    private static string? FromConditions(JsonArray? conditions)
    {
        if (conditions is null)
        {
            return null;
        }

        var parsed = conditions
            .OfType<JsonObject>()
            .Select((c, index) => (Type: Text(c["type"]), Status: Text(c["status"]), Reason: Text(c["reason"]), Time: Text(c["lastTransitionTime"]), Index: index))
            .Where(c => c.Type is not null)
            .ToList();
        var finished = parsed.FirstOrDefault(c => c.Status == ConditionStatus.True && Finished.Contains(c.Type));
        if (finished.Type is not null)
        {
            return finished.Type;
        }

        var ready = parsed.FirstOrDefault(c => c.Type == "Ready");
        if (ready.Type is not null)
        {
            return ready.Status == ConditionStatus.True ? "Ready" : ready.Reason ?? "NotReady";
        }

        var newest = parsed
            .Where(c => c.Status == ConditionStatus.True)
            .OrderBy(c => DateTimeOffset.TryParse(c.Time, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : DateTimeOffset.MinValue)
            .ThenBy(c => c.Index)
            .LastOrDefault();
        return newest.Type;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
