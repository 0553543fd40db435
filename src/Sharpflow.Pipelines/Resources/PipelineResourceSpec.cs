namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// A Pipeline: a named family of <see cref="PipelineVersionSpec">PipelineVersions</see> (KFP's <c>Pipeline</c>).
/// Its versions name it in <c>spec.pipelineName</c> and should carry an owner reference to it, so that deleting
/// the pipeline deletes its versions.
/// </summary>
public sealed record PipelineResourceSpec
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
