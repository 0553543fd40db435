namespace Sharpflow.Pipelines.Ir;

public sealed record ArtifactSelector
{
    public string? ProducerSubtask { get; init; }

    public string? OutputArtifactKey { get; init; }
}
