namespace Sharpflow.Pipelines.Ir;

public sealed record AcceleratorConfig
{
    public string? ResourceType { get; init; }

    /// <summary>A count, possibly a placeholder.</summary>
    public string? ResourceCount { get; init; }

    public string? Type { get; init; }

    public long Count { get; init; }
}
