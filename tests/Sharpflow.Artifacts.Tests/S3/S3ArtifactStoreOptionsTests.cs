using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sharpflow.Artifacts.DependencyInjection;
using Sharpflow.Artifacts.S3;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.Tests.S3;

public sealed class S3ArtifactStoreOptionsTests
{
    [Fact]
    public void Validate_DefaultsAndMinioEndpoint_Succeed()
    {
        var result = new S3ArtifactStoreOptionsValidator().Validate(null, new S3ArtifactStoreOptions
        {
            ServiceUrl = "http://127.0.0.1:9000",
            AccessKey = "minio",
            SecretKey = "minio123",
            Schemes = ["s3", "minio", "gs"],
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadSettings_NamesEachKeyAndTheFix()
    {
        var result = new S3ArtifactStoreOptionsValidator().Validate(null, new S3ArtifactStoreOptions
        {
            ServiceUrl = "127.0.0.1:9000",
            AccessKey = "only-the-key",
            Schemes = ["s3://", "file", "r2"],
            MaxErrorRetry = -1,
        });

        Assert.True(result.Failed);
        Assert.Contains("Sharpflow:Artifacts:S3:ServiceUrl \"127.0.0.1:9000\" is not an http(s) URL", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sharpflow:Artifacts:S3:AccessKey and Sharpflow:Artifacts:S3:SecretKey go together", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Schemes has \"s3://\"", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Schemes has \"file\"", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Schemes has \"r2\": give object-storage schemes as KFP writes them, without \"://\": s3, minio, gs", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxErrorRetry is -1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_NothingConfigured_TakesTheAwsEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "env-key",
            ["AWS_SECRET_ACCESS_KEY"] = "env-secret",
            ["AWS_SESSION_TOKEN"] = "env-token",
            ["AWS_DEFAULT_REGION"] = "eu-central-1",
            ["AWS_ENDPOINT_URL"] = "http://minio:9000",
        };
        var options = new S3ArtifactStoreOptions();

        new S3ArtifactStoreOptionsDefaults(name => environment.GetValueOrDefault(name)).PostConfigure(null, options);

        Assert.Equal(("env-key", "env-secret", "env-token"), (options.AccessKey, options.SecretKey, options.SessionToken));
        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal("http://minio:9000", options.ServiceUrl);
    }

    [Fact]
    public void PostConfigure_ConfiguredKey_NeverMixesWithTheEnvironmentsSecret()
    {
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "env-key", ["AWS_SECRET_ACCESS_KEY"] = "env-secret", ["AWS_REGION"] = "us-west-2" };
        var options = new S3ArtifactStoreOptions { AccessKey = "configured", Region = "eu-west-1" };

        new S3ArtifactStoreOptionsDefaults(name => environment.GetValueOrDefault(name)).PostConfigure(null, options);

        Assert.Equal("configured", options.AccessKey);
        Assert.Null(options.SecretKey);
        Assert.Equal("eu-west-1", options.Region);
    }

    [Fact]
    public void PostConfigure_EmptyEnvironment_DefaultsTheRegion()
    {
        var options = new S3ArtifactStoreOptions();

        new S3ArtifactStoreOptionsDefaults(_ => null).PostConfigure(null, options);

        Assert.Equal(S3ArtifactStoreOptions.DefaultRegion, options.Region);
        Assert.Null(options.AccessKey);
        Assert.Null(options.ServiceUrl);
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("http://127.0.0.1:9000", null, null, true)]
    [InlineData(null, "key", null, true)]
    [InlineData("http://127.0.0.1:9000", "key", false, false)]
    [InlineData(null, null, true, true)]
    public void IsEnabled_ServiceUrlOrKeyOrExplicitSwitch_DecidesRegistration(string? serviceUrl, string? accessKey, bool? enabled, bool expected)
    {
        var options = new S3ArtifactStoreOptions { ServiceUrl = serviceUrl, AccessKey = accessKey, Enabled = enabled };

        Assert.Equal(expected, options.IsEnabled);
    }

    [Fact]
    public void AddSharpflowS3Artifacts_AfterFileSystem_TakesOverItsSchemesOnly()
    {
        var data = Path.Combine(Path.GetTempPath(), "sharpflow-resolver-" + Guid.NewGuid().ToString("N")[..8]);
        var services = new ServiceCollection();
        services.AddSharpflowFileSystemArtifacts(options => options.Root = data);
        services.AddSharpflowS3Artifacts(options =>
        {
            options.ServiceUrl = "http://127.0.0.1:9000";
            options.AccessKey = "key";
            options.SecretKey = "secret";
        });
        using var provider = services.BuildServiceProvider();

        var resolver = provider.GetRequiredService<ArtifactStoreResolver>();

        Assert.IsType<S3ArtifactStore>(resolver.For("minio://bucket/key"));
        Assert.IsType<S3ArtifactStore>(resolver.For("s3://bucket/key"));
        Assert.IsType<FileSystemArtifactStore>(resolver.For("gs://bucket/key"));
        Assert.IsType<FileSystemArtifactStore>(resolver.For(Path.Join(data, "x")));
        Assert.Null(resolver.LocalPath("minio://bucket/key"));
    }

    [Fact]
    public void AddSharpflowS3Artifacts_InvalidOptions_FailWithTheirMessages()
    {
        var services = new ServiceCollection();
        services.AddSharpflowS3Artifacts(options => options.ServiceUrl = "ftp://example");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<S3ArtifactStoreOptions>>().Value);

        Assert.Contains("is not an http(s) URL", error.Message, StringComparison.Ordinal);
    }
}
