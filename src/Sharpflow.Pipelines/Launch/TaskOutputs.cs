using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>A finished task's output parameters (typed) and output artifacts (with final URIs and metadata).</summary>
internal sealed record TaskOutputs
{
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; } = new Dictionary<string, JsonNode?>();

    public IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> Artifacts { get; init; } =
        new Dictionary<string, IReadOnlyList<RuntimeArtifact>>();
}
