namespace Sharpflow.Pipelines.Ir;

public sealed record CachingOptions
{
    /// <summary>Defaults to false: the SDK writes <c>enableCache: true</c> when caching is on and <c>{}</c> when off.</summary>
    public bool EnableCache { get; init; }

    /// <summary>A user-chosen key that replaces the computed fingerprint (newer SDKs).</summary>
    public string? CacheKey { get; init; }
}
