namespace Sharpflow.Pipelines.Ir;

/// <summary>A ParallelFor over an artifact list: each artifact is bound to the loop component's <see cref="ItemInput"/>.</summary>
public sealed record ArtifactIteratorSpec
{
    public ArtifactIteratorItems? Items { get; init; }

    public string? ItemInput { get; init; }
}
