namespace Sharpflow.Core.Store;

public sealed record DeleteOptions
{
    /// <summary>When set, the delete fails with 409 Conflict unless the stored version matches.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>"Background" (default) or "Orphan": orphaned children lose the owner reference instead of being deleted.</summary>
    public string PropagationPolicy { get; init; } = "Background";
}
