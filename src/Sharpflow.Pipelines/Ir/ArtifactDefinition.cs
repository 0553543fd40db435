using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Ir;

/// <summary>A declared input or output artifact of a component.</summary>
public sealed record ArtifactDefinition
{
    public ArtifactTypeSchema? ArtifactType { get; init; }

    public bool IsArtifactList { get; init; }

    public bool IsOptional { get; init; }

    public string? Description { get; init; }

    /// <summary>Output artifacts only: metadata the compiler attaches to the artifact.</summary>
    public JsonObject? Metadata { get; init; }
}
