using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// The JSON command-line elements the SDK writes for <c>IfPresentPlaceholder</c> and <c>ConcatPlaceholder</c>:
/// a whole element <c>{"IfPresent": {"InputName": "x", "Then": [...], "Else": [...]}}</c> or <c>{"Concat": [...]}</c>,
/// nested in any combination. Expansion happens before placeholders are substituted.
/// </summary>
internal static class StructuredArgument
{
    public static bool TryParse(string element, out JsonObject structure)
    {
        structure = null!;
        var trimmed = element.AsSpan().Trim();
        if (!trimmed.StartsWith("{") || (trimmed.IndexOf("\"IfPresent\"") < 0 && trimmed.IndexOf("\"Concat\"") < 0))
        {
            return false;
        }

        try
        {
            if (JsonNode.Parse(element) is JsonObject { Count: 1 } obj && (obj.ContainsKey("IfPresent") || obj.ContainsKey("Concat")))
            {
                structure = obj;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>The arguments an element stands for: zero or more for IfPresent, one for Concat or a plain string.</summary>
    public static IEnumerable<string> Expand(JsonNode? node, IReadOnlySet<string> presentInputs) => node switch
    {
        null => [],
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray items => items.SelectMany(item => Expand(item, presentInputs)),
        JsonObject obj when obj.TryGetPropertyValue("Concat", out var parts) =>
            [string.Concat((parts as JsonArray ?? throw Malformed(obj, "Concat needs a list")).SelectMany(part => Expand(part, presentInputs)))],
        JsonObject obj when obj.TryGetPropertyValue("IfPresent", out var condition) && condition is JsonObject ifPresent =>
            Expand(presentInputs.Contains(InputName(ifPresent)) ? ifPresent["Then"] : ifPresent["Else"], presentInputs),
        _ => throw Malformed(node, "expected a string, a list, IfPresent or Concat"),
    };

    /// <summary>Every input name an element tests with IfPresent, for validation.</summary>
    public static IEnumerable<string> IfPresentNames(JsonNode? node) => node switch
    {
        JsonArray items => items.SelectMany(IfPresentNames),
        JsonObject obj when obj["Concat"] is JsonArray parts => parts.SelectMany(IfPresentNames),
        JsonObject obj when obj["IfPresent"] is JsonObject ifPresent =>
            new[] { ifPresent["InputName"]?.GetValue<string>() ?? string.Empty }
                .Concat(IfPresentNames(ifPresent["Then"]))
                .Concat(IfPresentNames(ifPresent["Else"])),
        _ => [],
    };

    /// <summary>Every string inside an element, each of which may hold placeholders.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray items => items.SelectMany(Strings),
        JsonObject obj when obj["Concat"] is JsonArray parts => parts.SelectMany(Strings),
        JsonObject obj when obj["IfPresent"] is JsonObject ifPresent => Strings(ifPresent["Then"]).Concat(Strings(ifPresent["Else"])),
        _ => [],
    };

    private static string InputName(JsonObject ifPresent) =>
        ifPresent["InputName"] is JsonValue name && name.TryGetValue<string>(out var text)
            ? text
            : throw Malformed(ifPresent, "IfPresent needs an InputName");

    private static LaunchException Malformed(JsonNode? node, string problem) =>
        new($"malformed placeholder structure {node?.ToJsonString()}: {problem}");
}
