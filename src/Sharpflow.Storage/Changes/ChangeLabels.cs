using System.Text.Json.Nodes;

namespace Sharpflow.Storage.Changes;

/// <summary>The previous labels a change keeps (<see cref="Data.ChangeRow.PreviousLabels"/>), as a flat JSON object.</summary>
internal static class ChangeLabels
{
    public static string Serialize(IReadOnlyDictionary<string, string>? labels) =>
        new JsonObject((labels ?? new Dictionary<string, string>()).Select(label => KeyValuePair.Create(label.Key, (JsonNode?)label.Value))).ToJsonString();

    public static Dictionary<string, string> Parse(string json) =>
        (JsonNode.Parse(json) as JsonObject ?? []).ToDictionary(label => label.Key, label => label.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
}
