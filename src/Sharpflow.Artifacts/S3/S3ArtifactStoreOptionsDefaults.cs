using Microsoft.Extensions.Options;

namespace Sharpflow.Artifacts.S3;

/// <summary>
/// Fills what configuration left unset from the standard AWS environment variables (<c>AWS_ACCESS_KEY_ID</c>,
/// <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>,
/// <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL</c>), then from the defaults.
/// </summary>
internal sealed class S3ArtifactStoreOptionsDefaults : IPostConfigureOptions<S3ArtifactStoreOptions>
{
    private readonly Func<string, string?> _environment;

    public S3ArtifactStoreOptionsDefaults()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal S3ArtifactStoreOptionsDefaults(Func<string, string?> environment)
    {
        _environment = environment;
    }

    public void PostConfigure(string? name, S3ArtifactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ServiceUrl = Blank(options.ServiceUrl) ?? Variable("AWS_ENDPOINT_URL_S3") ?? Variable("AWS_ENDPOINT_URL");
        options.Region = Blank(options.Region) ?? Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION") ?? S3ArtifactStoreOptions.DefaultRegion;

        // Keys come as a pair: a configured access key is never matched with a secret from the environment.
        if (Blank(options.AccessKey) is null && Blank(options.SecretKey) is null
            && Variable("AWS_ACCESS_KEY_ID") is { } accessKey && Variable("AWS_SECRET_ACCESS_KEY") is { } secretKey)
        {
            options.AccessKey = accessKey;
            options.SecretKey = secretKey;
            options.SessionToken = Blank(options.SessionToken) ?? Variable("AWS_SESSION_TOKEN");
        }
    }

    private string? Variable(string variable) => Blank(_environment(variable));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
