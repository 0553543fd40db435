using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Ir;

/// <summary>Registers an existing URI as the task's output artifact <c>artifact</c>; no process runs.</summary>
public sealed record ImporterSpec
{
    public ValueOrRuntimeParameter? ArtifactUri { get; init; }

    public ArtifactTypeSchema? TypeSchema { get; init; }

    /// <summary>Metadata for the imported artifact; string values may be input placeholders.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Import again even when an artifact with the same URI is already known.</summary>
    public bool Reimport { get; init; }

    public bool DownloadToWorkspace { get; init; }
}
