namespace Sharpflow.Core.Artifacts;

/// <summary>
/// One storage system for artifacts (the local filesystem, S3-compatible object storage), addressed by
/// URI as KFP lays them out. <see cref="ArtifactStoreResolver"/> picks the store for a URI by its scheme.
/// An artifact is a single file or a directory of files.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Whether this store serves the URI (by its scheme, e.g. <c>s3://</c>, or an absolute path).</summary>
    bool Handles(string uri);

    /// <summary>
    /// The path at which a process on this machine reads and writes the artifact, or null when it has none
    /// (objects that must be downloaded first).
    /// </summary>
    string? LocalPath(string uri);

    Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>The content of a single-file artifact; null when the artifact is missing or is a directory.</summary>
    Task<Stream?> OpenReadAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>Writes (replaces) a single-file artifact, creating what is missing above it.</summary>
    Task WriteAsync(string uri, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The files the artifact consists of: itself when it is a file, every file below it when a directory; empty when missing.</summary>
    Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>Removes the artifact (a file, or a directory with everything below it); nothing happens when it is missing.</summary>
    Task DeleteAsync(string uri, CancellationToken cancellationToken = default);
}
