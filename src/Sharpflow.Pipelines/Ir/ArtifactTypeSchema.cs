namespace Sharpflow.Pipelines.Ir;

/// <summary>An artifact type: <c>system.Dataset</c>, <c>system.Model</c>, <c>google.VertexModel</c>, ...</summary>
public sealed record ArtifactTypeSchema
{
    public string? SchemaTitle { get; init; }

    public string? SchemaVersion { get; init; }

    public string? InstanceSchema { get; init; }

    public string? SchemaUri { get; init; }
}
