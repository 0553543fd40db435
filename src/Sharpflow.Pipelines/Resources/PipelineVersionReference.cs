namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// Which stored pipeline a run executes, in the run's namespace. A version (by name, or by uid as
/// <see cref="VersionId"/>) wins; with only a pipeline (by name, or by uid as <see cref="PipelineId"/>) the
/// pipeline's newest version is used. The choice is recorded in <c>status.pipelineVersion</c> on the first reconcile.
/// </summary>
public sealed record PipelineVersionReference
{
    public string? PipelineName { get; init; }

    public string? PipelineId { get; init; }

    public string? VersionName { get; init; }

    public string? VersionId { get; init; }
}
