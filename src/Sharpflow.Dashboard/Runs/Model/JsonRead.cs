using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>Lenient reads of the JSON a run's spec, status and task records hold: a missing or odd field reads as null.</summary>
internal static class JsonRead
{
    public static string? Text(JsonNode? node, string field) =>
        node is JsonObject o && o[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public static DateTimeOffset? Time(JsonNode? node, string field) =>
        Text(node, field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public static int Int(JsonNode? node, string field) =>
        node is JsonObject o && o[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : 0;

    public static bool Bool(JsonNode? node, string field, bool fallback = false) =>
        node is JsonObject o && o[field] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A value as a person reads it: strings without quotes, anything else as compact JSON.</summary>
    public static string Display(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
