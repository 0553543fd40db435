using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// One immutable version of a pipeline: the compiled IR (<c>pipelineSpec</c>, the first YAML document as JSON)
/// and the optional platform document (<c>platformSpec</c>, <c>{platforms: {kubernetes: ...}}</c>).
/// Validated like a run's inline pipeline: each problem is a 422 cause under <c>spec.pipelineSpec</c>.
/// </summary>
public sealed record PipelineVersionSpec
{
    /// <summary>metadata.name of the Pipeline this version belongs to.</summary>
    public string? PipelineName { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public JsonObject? PipelineSpec { get; init; }

    public JsonObject? PlatformSpec { get; init; }

    /// <summary>Where the package was uploaded from (KFP's <c>package_url.pipeline_url</c>), for display.</summary>
    public string? PackageUrl { get; init; }

    public string? CodeSourceUrl { get; init; }
}
