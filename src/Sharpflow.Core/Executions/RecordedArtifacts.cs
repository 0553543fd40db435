using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharpflow.Core.Executions;

/// <summary>Reads the artifacts a task execution recorded in its <see cref="TaskExecution.Inputs"/> or <see cref="TaskExecution.Outputs"/>.</summary>
public static class RecordedArtifacts
{
    /// <summary>
    /// The URIs of each recorded artifact, by artifact name, in recorded order; empty for null or unreadable JSON
    /// (a record is never made worse to read by one bad field).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> UrisByName(string? json)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        JsonNode? artifacts;
        try
        {
            artifacts = json is null ? null : JsonNode.Parse(json)?["artifacts"];
        }
        catch (JsonException)
        {
            return result;
        }

        foreach (var (name, list) in artifacts as JsonObject ?? [])
        {
            result[name] = [.. (list as JsonArray ?? [])
                .Select(artifact => artifact?["uri"] is JsonValue value && value.TryGetValue<string>(out var uri) ? uri : null)
                .OfType<string>()
                .Where(uri => uri.Length > 0)];
        }

        return result;
    }
}
