namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// The local path of an artifact URI (<c>{{$...artifacts['x'].path}}</c>), as KFP maps it
/// (<c>launcher_v2.go LocalPathForURI</c>): <c>gs://b/k</c> → <c>/gcs/b/k</c>, <c>minio://</c> → <c>/minio/</c>,
/// <c>s3://</c> → <c>/s3/</c>, <c>oci://reg/img</c> → <c>/oci/reg_img/models</c>. A file-system URI (an absolute
/// path, or <c>file://</c>) is its own path, as in the kfp SDK. With <paramref name="remoteMountRoot"/> the
/// remote mounts live under that directory instead of the file-system root (local processes cannot write <c>/s3</c>).
/// </summary>
internal sealed class ArtifactPaths(string? remoteMountRoot = null)
{
    private static readonly (string Scheme, string Mount)[] Remote = [("gs://", "gcs"), ("minio://", "minio"), ("s3://", "s3")];

    public static ArtifactPaths Kfp { get; } = new();

    /// <summary>URIs a task's artifacts are staged under in its scratch folder (stores without local paths), to their paths there.</summary>
    private IReadOnlyDictionary<string, string>? Staged { get; init; }

    /// <summary>These paths, but for the given URIs, which map to the given local paths.</summary>
    public ArtifactPaths WithStaged(IReadOnlyDictionary<string, string> staged) => new(remoteMountRoot) { Staged = staged };

    public string LocalPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (Staged is not null && Staged.TryGetValue(uri, out var staged))
        {
            return staged;
        }

        foreach (var (scheme, mount) in Remote)
        {
            if (uri.StartsWith(scheme, StringComparison.Ordinal))
            {
                return Mounted(mount, uri[scheme.Length..]);
            }
        }

        if (uri.StartsWith("oci://", StringComparison.Ordinal))
        {
            return Mounted("oci", uri["oci://".Length..].Replace('/', '_') + "/models");
        }

        if (uri.StartsWith("file://", StringComparison.Ordinal))
        {
            return new Uri(uri).LocalPath;
        }

        return uri.StartsWith('/')
            ? uri
            : throw new LaunchException($"the artifact URI \"{uri}\" has no local path: supported are absolute paths, file://, gs://, s3://, minio:// and oci://");
    }

    private string Mounted(string mount, string rest) =>
        remoteMountRoot is null ? $"/{mount}/{rest}" : Path.Join(remoteMountRoot, mount, rest);
}
