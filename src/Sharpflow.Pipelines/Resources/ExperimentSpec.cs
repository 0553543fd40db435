namespace Sharpflow.Pipelines.Resources;

/// <summary>A KFP experiment: a folder of runs; runs name it in <c>spec.experimentName</c>.</summary>
public sealed record ExperimentSpec
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>"AVAILABLE" (default) or "ARCHIVED".</summary>
    public string? StorageState { get; init; }
}
