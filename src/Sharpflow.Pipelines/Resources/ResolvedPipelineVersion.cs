namespace Sharpflow.Pipelines.Resources;

public sealed record ResolvedPipelineVersion
{
    public string? Name { get; init; }

    public string? Uid { get; init; }

    public string? PipelineName { get; init; }
}
