using System.Text.Json.Nodes;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>A parameter as shown in a table: its name and its value as text.</summary>
public sealed record NamedValue(string Name, string Value)
{
    public static IReadOnlyList<NamedValue> From(JsonObject? values) =>
        values is null ? [] : [.. values.Select(p => new NamedValue(p.Key, JsonRead.Display(p.Value))).OrderBy(p => p.Name, StringComparer.Ordinal)];
}
