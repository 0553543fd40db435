using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Core.Events;

namespace Sharpflow.Cli.Output;

/// <summary>kubectl-describe-like text: aligned metadata fields, a conditions table, spec and status as YAML, then events.</summary>
internal sealed class ResourceDescriber(CliConsole console, TimeProvider time)
{
    private const int LabelWidth = 18;
    private const string None = "<none>";

    private TextWriter Out => console.Out;

    public void Describe(Resource resource, IReadOnlyList<ResourceEvent> events)
    {
        var meta = resource.Metadata;
        Field("Name", meta.Name);
        if (meta.Namespace is not null)
        {
            Field("Namespace", meta.Namespace);
        }

        Field("Kind", resource.Kind);
        Field("API Version", resource.ApiVersion);
        Map("Labels", meta.Labels);
        Map("Annotations", meta.Annotations);
        Field("Owner", Owners(meta.OwnerReferences));
        Field("Created", meta.CreationTimestamp is { } created
            ? $"{created.ToString("u", CultureInfo.InvariantCulture)} ({Age.Since(created, time)} ago)"
            : null);
        if (meta.DeletionTimestamp is { } deleting)
        {
            Field("Deleting Since", deleting.ToString("u", CultureInfo.InvariantCulture));
        }

        Field("Finalizers", meta.Finalizers is { Count: > 0 } f ? string.Join(", ", f) : null);
        Field("Generation", meta.Generation.ToString(CultureInfo.InvariantCulture));
        Field("Resource Version", meta.ResourceVersion);
        Field("UID", meta.Uid);
        Conditions(resource.Status?["conditions"] as JsonArray);
        Yaml("Spec", resource.Spec);
        foreach (var (field, value) in (resource.Extra ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Yaml(char.ToUpperInvariant(field[0]) + field[1..], JsonSerializer.SerializeToNode(value, ApiJson.Options));
        }

        Yaml("Status", WithoutConditions(resource.Status));
        Events(events);
        Out.Flush();
    }

    private void Field(string label, string? value) => Out.WriteLine($"{(label + ":").PadRight(LabelWidth)}{value ?? None}");

    private void Map(string label, IReadOnlyDictionary<string, string>? values)
    {
        if (values is not { Count: > 0 })
        {
            Field(label, null);
            return;
        }

        var lines = values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}").ToList();
        Field(label, lines[0]);
        lines.Skip(1).ToList().ForEach(line => Out.WriteLine(new string(' ', LabelWidth) + line));
    }

    private static string? Owners(IReadOnlyList<OwnerReference>? owners) =>
        owners is { Count: > 0 }
            ? string.Join(", ", owners.Select(o => $"{o.Kind}/{o.Name}{(o.Controller == true ? " (controller)" : string.Empty)}"))
            : null;

    private void Conditions(JsonArray? conditions)
    {
        if (conditions is not { Count: > 0 })
        {
            Field("Conditions", null);
            return;
        }

        Out.WriteLine("Conditions:");
        var table = new TextTable(["TYPE", "STATUS", "REASON", "LAST TRANSITION", "MESSAGE"]);
        foreach (var condition in conditions.OfType<JsonObject>())
        {
            var transition = DateTimeOffset.TryParse(Text(condition["lastTransitionTime"]), CultureInfo.InvariantCulture, out var t)
                ? Age.Since(t, time) + " ago"
                : "-";
            table.Add(Text(condition["type"]) ?? "-", Text(condition["status"]) ?? "-", Text(condition["reason"]) ?? "-", transition, Text(condition["message"]) ?? string.Empty);
        }

        Indented(table);
    }

    private void Yaml(string label, JsonNode? value)
    {
        if (value is null or JsonObject { Count: 0 } or JsonArray { Count: 0 })
        {
            Field(label, null);
            return;
        }

        if (value is JsonValue scalar)
        {
            Field(label, scalar.ToJsonString(JsonOutput.Options));
            return;
        }

        Out.WriteLine($"{label}:");
        foreach (var line in ResourceYaml.Serialize(value).TrimEnd('\n').Split('\n'))
        {
            Out.WriteLine("  " + line);
        }
    }

    private void Events(IReadOnlyList<ResourceEvent> events)
    {
        if (events.Count == 0)
        {
            Field("Events", null);
            return;
        }

        Out.WriteLine("Events:");
        var table = new TextTable(["TYPE", "REASON", "COUNT", "LAST SEEN", "FROM", "MESSAGE"]);
        foreach (var e in events.OrderBy(e => e.LastTimestamp))
        {
            table.Add(e.Type, e.Reason, e.Count.ToString(CultureInfo.InvariantCulture), Age.Since(e.LastTimestamp, time) + " ago", e.Source ?? "-", e.Message);
        }

        Indented(table);
    }

    private void Indented(TextTable table) =>
        table.Write(console.Out, indent: 2);

    private static JsonObject? WithoutConditions(JsonObject? status)
    {
        if (status?["conditions"] is null)
        {
            return status;
        }

        var copy = (JsonObject)status.DeepClone();
        copy.Remove("conditions");
        return copy;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
