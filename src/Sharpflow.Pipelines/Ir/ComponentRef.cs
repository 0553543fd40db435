namespace Sharpflow.Pipelines.Ir;

public sealed record ComponentRef
{
    /// <summary>Key of <see cref="PipelineSpec.Components"/>.</summary>
    public string? Name { get; init; }
}
