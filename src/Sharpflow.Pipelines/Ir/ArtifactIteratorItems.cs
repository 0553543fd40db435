namespace Sharpflow.Pipelines.Ir;

public sealed record ArtifactIteratorItems
{
    /// <summary>One of the loop task's own input artifacts (a list).</summary>
    public string? InputArtifact { get; init; }
}
