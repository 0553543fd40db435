namespace Sharpflow.Pipelines.Ir;

public sealed record ArtifactQuerySpec
{
    public string? Filter { get; init; }

    /// <summary>0 means the default of 1.</summary>
    public int Limit { get; init; }
}
