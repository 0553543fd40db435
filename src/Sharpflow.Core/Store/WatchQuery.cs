namespace Sharpflow.Core.Store;

/// <summary>Which changes to stream. Null group and kind watch every kind (controllers use one watch for all).</summary>
public sealed record WatchQuery
{
    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    /// <summary>Deliver changes after this version; null or "0" means from the current state onwards.</summary>
    public string? ResourceVersion { get; init; }
}
