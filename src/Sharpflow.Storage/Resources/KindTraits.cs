namespace Sharpflow.Storage.Resources;

/// <summary>What the store needs to know of a kind.</summary>
internal readonly record struct KindTraits(bool Namespaced, bool HasStatusSubresource, string? ApiVersion);
