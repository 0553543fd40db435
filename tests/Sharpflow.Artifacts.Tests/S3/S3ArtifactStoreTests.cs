using System.Text;
using Sharpflow.Artifacts.Tests.Support;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.Tests.S3;

/// <summary>What is particular to the S3 store: schemes, no local paths, paging over large directories, how it signs uploads.</summary>
public sealed class S3ArtifactStoreTests(FakeS3Fixture fixture) : IClassFixture<FakeS3Fixture>
{
    private readonly string _root = FakeS3Fixture.NewRoot();

    [Fact]
    public void Handles_DefaultSchemes_ServesS3AndMinioOnly()
    {
        var store = fixture.CreateStore();

        Assert.True(store.Handles("s3://bucket/key"));
        Assert.True(store.Handles("minio://bucket/key"));
        Assert.False(store.Handles("gs://bucket/key"));
        Assert.False(store.Handles("/data/artifacts/x"));
    }

    [Fact]
    public void Handles_ConfiguredSchemes_ServesExactlyThose()
    {
        var store = fixture.CreateStore(options => options.Schemes = ["gs", "s3"]);

        Assert.True(store.Handles("gs://bucket/key"));
        Assert.True(store.Handles("s3://bucket/key"));
        Assert.False(store.Handles("minio://bucket/key"));
    }

    [Fact]
    public void LocalPath_AnyUri_IsNull()
    {
        Assert.Null(fixture.CreateStore().LocalPath("minio://bucket/key"));
    }

    [Fact]
    public async Task WriteAsync_S3Scheme_ReachesTheSameBucketAsMinio()
    {
        var store = fixture.CreateStore();
        var key = $"tests/{Guid.NewGuid():N}/same.txt";
        using var content = new MemoryStream("one object"u8.ToArray());

        await store.WriteAsync($"s3://{FakeS3Fixture.Bucket}/{key}", content);

        Assert.Equal("one object", Encoding.UTF8.GetString(fixture.S3.Storage.Read(FakeS3Fixture.Bucket, key)!));
        Assert.True(await store.ExistsAsync($"minio://{FakeS3Fixture.Bucket}/{key}"));
    }

    [Fact]
    public async Task ListAsync_DirectoryOfMoreThan1000Objects_ReadsEveryPage()
    {
        var store = fixture.CreateStore();
        var prefix = Seed("big", 2345);

        var listed = await store.ListAsync(_root + "/big");

        Assert.Equal(2345, listed.Count);
        Assert.Equal(listed.Select(o => o.Uri).Order(StringComparer.Ordinal), listed.Select(o => o.Uri));
        var pages = ListRequests(prefix);
        Assert.Equal(3, pages.Count);
        Assert.DoesNotContain("continuation-token", pages[0].Query, StringComparison.Ordinal);
        Assert.All(pages.Skip(1), page => Assert.Contains("continuation-token=", page.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAsync_DirectoryOfMoreThan1000Objects_DeletesEveryObjectInBatches()
    {
        var store = fixture.CreateStore();
        var prefix = Seed("many", 2100);
        var before = fixture.S3.Requests.Count(r => r.Operation == "DeleteObjects");

        await store.DeleteAsync(_root + "/many");

        Assert.Empty(fixture.S3.Storage.Keys(FakeS3Fixture.Bucket, prefix));
        Assert.Equal(3, fixture.S3.Requests.Count(r => r.Operation == "DeleteObjects") - before);
        Assert.False(await store.ExistsAsync(_root + "/many"));
    }

    [Fact]
    public async Task WriteAsync_S3CompatibleEndpoint_SignsEveryChunkWithoutTrailingChecksums()
    {
        var store = fixture.CreateStore();
        var uri = _root + "/signed.bin";
        using var content = new MemoryStream(new byte[300_000]);

        await store.WriteAsync(uri, content);

        var put = Assert.Single(fixture.S3.Requests, r => r.Operation == "PutObject" && r.Path.EndsWith("/signed.bin", StringComparison.Ordinal));
        Assert.Equal("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", put.PayloadSigning);
        Assert.Equal(300_000, fixture.S3.Storage.Read(FakeS3Fixture.Bucket, uri[$"minio://{FakeS3Fixture.Bucket}/".Length..])!.Length);
    }

    [Fact]
    public async Task OpenReadAsync_UriWithoutKey_NamesTheMissingKey()
    {
        var store = fixture.CreateStore();

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.OpenReadAsync($"minio://{FakeS3Fixture.Bucket}"));

        Assert.Contains("no object key", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Puts <paramref name="count"/> small objects below <c>&lt;root&gt;/&lt;folder&gt;/</c> directly into the fake; returns their key prefix.</summary>
    private string Seed(string folder, int count)
    {
        var prefix = $"{_root[$"minio://{FakeS3Fixture.Bucket}/".Length..]}/{folder}";
        for (var i = 0; i < count; i++)
        {
            fixture.S3.Storage.Put(FakeS3Fixture.Bucket, $"{prefix}/part-{i:D5}.txt", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return prefix;
    }

    private List<Testing.S3.FakeS3Request> ListRequests(string prefix) =>
        [.. fixture.S3.Requests.Where(r => r.Operation == "ListObjectsV2" && r.Query.Contains("prefix=" + Uri.EscapeDataString(prefix), StringComparison.Ordinal))];
}
