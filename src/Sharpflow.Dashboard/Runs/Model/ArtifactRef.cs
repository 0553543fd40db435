using System.Text.Json.Nodes;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>One runtime artifact a task received or produced: <c>{name, uri, metadata, type: {schemaTitle}}</c> under its input or output name.</summary>
public sealed record ArtifactRef
{
    /// <summary>The input or output name the artifact is bound to ("metrics", "model").</summary>
    public required string Key { get; init; }

    public string? Name { get; init; }

    public required string Uri { get; init; }

    /// <summary>The artifact type, e.g. "system.Metrics"; "system.Artifact" when none is recorded.</summary>
    public string SchemaTitle { get; init; } = ArtifactTypes.Artifact;

    public JsonObject? Metadata { get; init; }

    /// <summary>Every artifact of a <c>{name: [artifact]}</c> map (a name may carry a list, as loop outputs do).</summary>
    public static IReadOnlyList<ArtifactRef> From(JsonObject? byName)
    {
        var artifacts = new List<ArtifactRef>();
        foreach (var (key, list) in byName ?? [])
        {
            var items = list as JsonArray ?? (list is JsonObject single ? [single.DeepClone()] : []);
            foreach (var item in items.OfType<JsonObject>())
            {
                if (JsonRead.Text(item, "uri") is not { } uri)
                {
                    continue;
                }

                artifacts.Add(new ArtifactRef
                {
                    Key = key,
                    Name = JsonRead.Text(item, "name"),
                    Uri = uri,
                    SchemaTitle = JsonRead.Text(item["type"], "schemaTitle") ?? JsonRead.Text(item, "type") ?? ArtifactTypes.Artifact,
                    Metadata = item["metadata"] as JsonObject,
                });
            }
        }

        return [.. artifacts.OrderBy(a => a.Key, StringComparer.Ordinal)];
    }
}
