using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>What an executor reported in its output metadata file (<c>ExecutorOutput</c>).</summary>
internal sealed record ExecutorOutput
{
    public IReadOnlyDictionary<string, JsonNode?> ParameterValues { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Updates to output artifacts: a new URI and metadata to merge.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> Artifacts { get; init; } =
        new Dictionary<string, IReadOnlyList<RuntimeArtifact>>();
}
