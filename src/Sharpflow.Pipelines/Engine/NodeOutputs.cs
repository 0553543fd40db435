using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>What an execution produced (or received): parameters by name and artifact lists by name.</summary>
internal sealed record NodeOutputs
{
    private static readonly Dictionary<string, JsonNode?> NoParameters = [];
    private static readonly Dictionary<string, IReadOnlyList<RuntimeArtifact>> NoArtifacts = [];

    public static NodeOutputs Empty { get; } = new();

    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; } = NoParameters;

    public IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> Artifacts { get; init; } = NoArtifacts;

    /// <summary><c>{"parameters": {...}, "artifacts": {name: [runtime artifact JSON]}}</c>; empty maps are left out.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Parameters.Count > 0)
        {
            json["parameters"] = new JsonObject(Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        }

        if (Artifacts.Count > 0)
        {
            json["artifacts"] = ArtifactsToJson(Artifacts);
        }

        return json;
    }

    public string ToJsonText() => ToJson().ToJsonString();

    public static JsonObject ArtifactsToJson(IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> artifacts) =>
        new(artifacts.Select(a => KeyValuePair.Create(
            a.Key, (JsonNode?)new JsonArray([.. a.Value.Select(ExecutorInputJson.ArtifactToJson)]))));

    public static NodeOutputs FromJson(string? text)
    {
        if (string.IsNullOrEmpty(text) || JsonNode.Parse(text) is not JsonObject json)
        {
            return Empty;
        }

        var parameters = json["parameters"] as JsonObject;
        var artifacts = json["artifacts"] as JsonObject;
        return new NodeOutputs
        {
            Parameters = parameters?.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal) ?? NoParameters,
            Artifacts = artifacts?.ToDictionary(
                a => a.Key,
                a => (IReadOnlyList<RuntimeArtifact>)((a.Value as JsonArray)?.OfType<JsonObject>().Select(ExecutorInputJson.ArtifactFromJson).ToList() ?? []),
                StringComparer.Ordinal) ?? NoArtifacts,
        };
    }
}
