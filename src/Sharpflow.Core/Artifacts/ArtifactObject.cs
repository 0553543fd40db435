namespace Sharpflow.Core.Artifacts;

/// <summary>One file of an artifact: its own URI, size in bytes and last change.</summary>
public sealed record ArtifactObject(string Uri, long Size, DateTimeOffset LastModified);
