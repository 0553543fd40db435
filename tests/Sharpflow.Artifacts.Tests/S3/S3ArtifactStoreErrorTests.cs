using System.Net;
using System.Net.Sockets;
using Sharpflow.Artifacts.Tests.Support;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.Tests.S3;

/// <summary>S3 failures become <see cref="ArtifactStoreException"/>s that say what to check.</summary>
public sealed class S3ArtifactStoreErrorTests(FakeS3Fixture fixture) : IClassFixture<FakeS3Fixture>
{
    [Fact]
    public async Task ListAsync_MissingBucket_SaysTheBucketDoesNotExist()
    {
        var store = fixture.CreateStore();

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ListAsync("minio://no-such-bucket/runs/1"));

        Assert.Contains("the bucket \"no-such-bucket\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharpflow:Artifacts:S3:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_MissingBucket_SaysTheBucketDoesNotExist()
    {
        var store = fixture.CreateStore();
        using var content = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.WriteAsync("minio://no-such-bucket/a.bin", content));

        Assert.Contains("cannot upload to \"minio://no-such-bucket/a.bin\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistsAsync_MissingBucket_SaysTheBucketDoesNotExist()
    {
        var store = fixture.CreateStore();

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ExistsAsync("minio://no-such-bucket/a.bin"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadAsync_BucketDeniedByPolicy_SaysToCheckCredentialsAndPolicy()
    {
        fixture.S3.Storage.CreateBucket("denied");
        fixture.S3.Storage.DenyAccess("denied");
        var store = fixture.CreateStore();

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.OpenReadAsync("minio://denied/model.bin"));

        Assert.Contains("denied it (AccessDenied", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharpflow:Artifacts:S3:AccessKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("policy of bucket \"denied\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_WrongSecretKey_IsDeniedForItsSignature()
    {
        var store = fixture.CreateStore(options => options.SecretKey = "not-the-secret");

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ListAsync(FakeS3Fixture.NewRoot()));

        Assert.Contains("SignatureDoesNotMatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UnknownAccessKey_IsDenied()
    {
        var store = fixture.CreateStore(options => options.AccessKey = "someone-else");

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ListAsync(FakeS3Fixture.NewRoot()));

        Assert.Contains("InvalidAccessKeyId", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_WrongRegion_SaysToCheckTheRegion()
    {
        var store = fixture.CreateStore(options => options.Region = "eu-west-3");

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ListAsync(FakeS3Fixture.NewRoot()));

        Assert.Contains("Sharpflow:Artifacts:S3:Region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UnreachableEndpoint_SaysToCheckTheServiceUrl()
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}";
        var store = fixture.CreateStore(options => options.ServiceUrl = endpoint);

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ListAsync("minio://artifacts/runs/1"));

        Assert.Contains($"the S3 endpoint {endpoint}", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharpflow:Artifacts:S3:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A port nothing listens on: bound once to get a free one, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
