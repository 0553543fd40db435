using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Artifacts.DependencyInjection;
using Sharpflow.Artifacts.S3;
using Sharpflow.Core.Artifacts;
using Sharpflow.Testing.S3;

namespace Sharpflow.Artifacts.Tests.Support;

/// <summary>One fake S3 server per test class, with the bucket <see cref="Bucket"/>, and S3 artifact stores pointed at it.</summary>
public sealed class FakeS3Fixture : IAsyncLifetime
{
    public const string Bucket = "artifacts";

    private readonly List<ServiceProvider> _providers = [];

    public FakeS3Server S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        S3 = await FakeS3Server.StartAsync();
        S3.Storage.CreateBucket(Bucket);
    }

    /// <summary>An S3 store as a server registers it (options, defaults, validation), for the fake's endpoint and key.</summary>
    public IArtifactStore CreateStore(Action<S3ArtifactStoreOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSharpflowS3Artifacts(options =>
        {
            options.ServiceUrl = S3.ServiceUrl.ToString();
            options.AccessKey = S3.AccessKey;
            options.SecretKey = S3.SecretKey;
            options.Region = S3.Region;
            options.MaxErrorRetry = 0;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<S3ArtifactStore>();
    }

    /// <summary>A folder of the bucket no other test uses.</summary>
    public static string NewRoot() => $"minio://{Bucket}/tests/{Guid.NewGuid():N}";

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await S3.DisposeAsync();
    }
}
