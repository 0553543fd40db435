using Microsoft.Extensions.Options;

namespace Sharpflow.Core.Artifacts;

/// <summary>
/// Artifacts as files on this machine. Absolute paths and <c>file://</c> URIs are their own location;
/// <c>gs://</c>, <c>s3://</c> and <c>minio://</c> URIs are mirrored under <c>&lt;Root&gt;/remote/{gcs,s3,minio}/</c>
/// (KFP's launcher mounts them at <c>/gcs</c>, <c>/s3</c>, <c>/minio</c>), so that pipelines written for object
/// storage run unchanged until an S3 store is configured for those schemes.
/// </summary>
public sealed class FileSystemArtifactStore : IArtifactStore
{
    /// <summary>The folder under <see cref="Root"/> that mirrors remote URIs.</summary>
    public const string MirrorDirectoryName = "remote";

    private static readonly (string Scheme, string Mount)[] Mirrored = [("gs://", "gcs"), ("s3://", "s3"), ("minio://", "minio")];

    public FileSystemArtifactStore(IOptions<FileSystemArtifactStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.Value.Root;
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new ArgumentException("FileSystemArtifactStoreOptions.Root is required: set it to the artifact folder (<data directory>/artifacts).", nameof(options));
        }

        Root = Path.GetFullPath(root);
        MirrorRoot = Path.Join(Root, MirrorDirectoryName);
    }

    public string Root { get; }

    /// <summary>Where remote URIs live locally: <c>gs://b/k</c> is <c>&lt;MirrorRoot&gt;/gcs/b/k</c>.</summary>
    public string MirrorRoot { get; }

    /// <summary>URI prefix to local folder for every mirrored scheme (each folder ends with '/').</summary>
    public IReadOnlyDictionary<string, string> Mounts =>
        Mirrored.ToDictionary(m => m.Scheme, m => Path.Join(MirrorRoot, m.Mount) + "/", StringComparer.Ordinal);

    public bool Handles(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.StartsWith('/') || uri.StartsWith("file://", StringComparison.Ordinal)
            || Mirrored.Any(m => uri.StartsWith(m.Scheme, StringComparison.Ordinal));
    }

    public string? LocalPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.StartsWith('/'))
        {
            return Path.GetFullPath(uri);
        }

        if (uri.StartsWith("file://", StringComparison.Ordinal))
        {
            return Path.GetFullPath(new Uri(uri).LocalPath);
        }

        foreach (var (scheme, mount) in Mirrored)
        {
            if (uri.StartsWith(scheme, StringComparison.Ordinal))
            {
                var folder = Path.Join(MirrorRoot, mount);
                var path = Path.GetFullPath(Path.Join(folder, uri[scheme.Length..]));
                return path.StartsWith(folder + "/", StringComparison.Ordinal) || path == folder
                    ? path
                    : throw new ArtifactStoreException($"the artifact URI \"{uri}\" leaves its bucket");
            }
        }

        throw new ArtifactStoreException($"the filesystem artifact store does not serve \"{uri}\"");
    }

    public Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = Require(uri);
        return Task.FromResult(File.Exists(path) || Directory.Exists(path));
    }

    public Task<Stream?> OpenReadAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = Require(uri);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public async Task WriteAsync(string uri, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Require(uri);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = Require(uri);
        IReadOnlyList<ArtifactObject> objects;
        if (File.Exists(path))
        {
            objects = [Describe(uri, new FileInfo(path))];
        }
        else if (Directory.Exists(path))
        {
            var prefix = uri.TrimEnd('/');
            objects = new DirectoryInfo(path)
                .EnumerateFiles("*", SearchOption.AllDirectories)
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .Select(f => Describe(prefix + "/" + Path.GetRelativePath(path, f.FullName).Replace('\\', '/'), f))
                .ToList();
        }
        else
        {
            objects = [];
        }

        return Task.FromResult(objects);
    }

    public Task DeleteAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = Require(uri);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string Require(string uri) =>
        LocalPath(uri) ?? throw new ArtifactStoreException($"the filesystem artifact store does not serve \"{uri}\"");

    private static ArtifactObject Describe(string uri, FileInfo file) =>
        new(uri, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
}
