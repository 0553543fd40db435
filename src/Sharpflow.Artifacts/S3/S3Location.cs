using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.S3;

/// <summary>An artifact URI taken apart: <c>minio://bucket/some/key</c> is scheme "minio://", bucket "bucket", key "some/key".</summary>
internal sealed record S3Location(string Scheme, string Bucket, string Key)
{
    /// <summary>The URI of another object in the same bucket, in this location's scheme.</summary>
    public string UriOf(string key) => $"{Scheme}{Bucket}/{key}";

    /// <summary>Whether an object key is this artifact (a file) or lies below it (a directory).</summary>
    public bool Covers(string key) =>
        key == Key || (key.Length > Key.Length && key[Key.Length] == '/' && key.StartsWith(Key, StringComparison.Ordinal));

    /// <summary>Splits a URI whose scheme prefix (e.g. "s3://") is known; a trailing '/' is dropped from the key.</summary>
    /// <exception cref="ArtifactStoreException">The URI names no bucket or no key.</exception>
    public static S3Location Parse(string uri, string scheme)
    {
        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..].TrimEnd('/');
        if (bucket.Length == 0)
        {
            throw new ArtifactStoreException($"the artifact URI \"{uri}\" names no bucket: write {scheme}<bucket>/<key>");
        }

        if (key.Length == 0)
        {
            throw new ArtifactStoreException($"the artifact URI \"{uri}\" names a bucket but no object key: write {scheme}{bucket}/<key>");
        }

        return new S3Location(scheme, bucket, key);
    }
}
