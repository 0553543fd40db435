namespace Sharpflow.Pipelines.Ir;

public sealed record PipelineInfo
{
    /// <summary>Required; names the pipeline context (cache hits are scoped to it).</summary>
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }
}
