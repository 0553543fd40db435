namespace Sharpflow.Core.Artifacts;

/// <summary>
/// Picks the artifact store for a URI among the registered ones. Stores registered later win, so that
/// configuring S3 for <c>s3://</c> and <c>minio://</c> takes those schemes over from the filesystem's local mirror.
/// </summary>
public sealed class ArtifactStoreResolver
{
    private readonly IReadOnlyList<IArtifactStore> _stores;

    public ArtifactStoreResolver(IEnumerable<IArtifactStore> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        _stores = stores.Reverse().ToList();
    }

    /// <exception cref="ArtifactStoreException">No store serves the URI.</exception>
    public IArtifactStore For(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        foreach (var store in _stores)
        {
            if (store.Handles(uri))
            {
                return store;
            }
        }

        throw new ArtifactStoreException(
            $"no artifact store serves \"{uri}\": local artifacts are absolute paths or file://, gs://, s3:// and minio:// URIs mirrored under the data directory");
    }

    /// <summary>The local path of the artifact, or null when its store has none (or no store serves it).</summary>
    public string? LocalPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return _stores.FirstOrDefault(s => s.Handles(uri))?.LocalPath(uri);
    }
}
