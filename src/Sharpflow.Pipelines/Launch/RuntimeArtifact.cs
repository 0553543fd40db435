using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Launch;

/// <summary>An artifact as an executor sees it (<c>RuntimeArtifact</c>): its identity, type, URI and metadata.</summary>
internal sealed record RuntimeArtifact
{
    /// <summary>
    /// Identifies the artifact: for an output, its output name; for an input, the id of the stored
    /// artifact, so that the cache fingerprint changes when a different artifact is passed.
    /// </summary>
    public string Name { get; init; } = string.Empty;

    public ArtifactTypeSchema? Type { get; init; }

    public string Uri { get; init; } = string.Empty;

    public JsonObject? Metadata { get; init; }
}
