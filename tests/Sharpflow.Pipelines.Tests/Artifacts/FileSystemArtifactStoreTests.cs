using System.Text;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Artifacts;
using Sharpflow.Pipelines.Launch;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Artifacts;

public sealed class FileSystemArtifactStoreTests : IDisposable
{
    private readonly Scratch _scratch = new();
    private readonly FileSystemArtifactStore _store;

    public FileSystemArtifactStoreTests()
    {
        _store = new FileSystemArtifactStore(Options.Create(new FileSystemArtifactStoreOptions { Root = _scratch.Root }));
    }

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("gs://bucket/a/b.txt")]
    [InlineData("s3://bucket/a/b.txt")]
    [InlineData("minio://mlpipeline/v2/artifacts/p/r/t/s/model")]
    public void LocalPath_RemoteUri_AgreesWithThePlaceholderPathsOfTasks(string uri)
    {
        var paths = new ArtifactPaths(_store.MirrorRoot);

        Assert.Equal(paths.LocalPath(uri), _store.LocalPath(uri));
        Assert.StartsWith(_store.MirrorRoot + "/", _store.LocalPath(uri), StringComparison.Ordinal);
    }

    [Fact]
    public void LocalPath_AbsolutePathAndFileUri_AreThemselves()
    {
        Assert.Equal("/data/x/model", _store.LocalPath("/data/x/model"));
        Assert.Equal("/data/x/model", _store.LocalPath("file:///data/x/model"));
    }

    [Fact]
    public void LocalPath_UriLeavingItsBucket_IsRefused()
    {
        Assert.Throws<ArtifactStoreException>(() => _store.LocalPath("gs://bucket/../../etc/passwd"));
    }

    [Fact]
    public async Task WriteAsync_ThenOpenReadAsync_ReturnsTheContent()
    {
        var uri = "s3://bucket/run/model.txt";
        await _store.WriteAsync(uri, new MemoryStream(Encoding.UTF8.GetBytes("weights")));

        await using var stream = await _store.OpenReadAsync(uri);
        Assert.NotNull(stream);
        Assert.Equal("weights", await new StreamReader(stream).ReadToEndAsync());
        Assert.True(await _store.ExistsAsync(uri));
    }

    [Fact]
    public async Task ListAsync_DirectoryArtifact_ListsEveryFileBelowIt()
    {
        var root = Path.Combine(_scratch.Root, "pipelines", "dataset");
        Directory.CreateDirectory(Path.Combine(root, "part"));
        await File.WriteAllTextAsync(Path.Combine(root, "a.csv"), "1");
        await File.WriteAllTextAsync(Path.Combine(root, "part", "b.csv"), "22");

        var objects = await _store.ListAsync(root);

        Assert.Equal([root + "/a.csv", root + "/part/b.csv"], objects.Select(o => o.Uri));
        Assert.Equal([1L, 2L], objects.Select(o => o.Size));
        Assert.Null(await _store.OpenReadAsync(root));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheArtifactAndMissingIsFine()
    {
        var uri = "gs://bucket/gone.txt";
        await _store.WriteAsync(uri, new MemoryStream([1]));

        await _store.DeleteAsync(uri);
        await _store.DeleteAsync(uri);

        Assert.False(await _store.ExistsAsync(uri));
        Assert.Empty(await _store.ListAsync(uri));
    }

    [Fact]
    public void Resolver_LaterStoreForScheme_WinsOverFilesystem()
    {
        var s3 = new OnlyS3Store();
        var resolver = new ArtifactStoreResolver([_store, s3]);

        Assert.Same(s3, resolver.For("s3://bucket/key"));
        Assert.Same(_store, resolver.For("gs://bucket/key"));
        Assert.Throws<ArtifactStoreException>(() => resolver.For("hdfs://cluster/key"));
    }

    /// <summary>A second store that claims s3:// only (the shape an S3 store takes), to check the resolver's precedence.</summary>
    private sealed class OnlyS3Store : IArtifactStore
    {
        public bool Handles(string uri) => uri.StartsWith("s3://", StringComparison.Ordinal);

        public string? LocalPath(string uri) => null;

        public Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<Stream?> OpenReadAsync(string uri, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);

        public Task WriteAsync(string uri, Stream content, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ArtifactObject>>([]);

        public Task DeleteAsync(string uri, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
