using Microsoft.Extensions.Options;

namespace Sharpflow.Artifacts.S3;

/// <summary>Names each invalid setting by its configuration key (<c>Sharpflow:Artifacts:S3:...</c>) and says what to set.</summary>
internal sealed class S3ArtifactStoreOptionsValidator : IValidateOptions<S3ArtifactStoreOptions>
{
    private const string Section = "Sharpflow:Artifacts:S3";

    public ValidateOptionsResult Validate(string? name, S3ArtifactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl)
            && !(Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add($"{Section}:ServiceUrl \"{options.ServiceUrl}\" is not an http(s) URL: set it to the S3-compatible server's endpoint, e.g. http://127.0.0.1:9000, or leave it unset for AWS S3.");
        }

        if (string.IsNullOrWhiteSpace(options.AccessKey) != string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add($"{Section}:AccessKey and {Section}:SecretKey go together: set both, or neither to use AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the AWS default credentials.");
        }

        foreach (var scheme in options.Schemes)
        {
            if (!S3ArtifactStoreOptions.SupportedSchemes.Contains(scheme))
            {
                failures.Add($"{Section}:Schemes has \"{scheme}\": give object-storage schemes as KFP writes them, without \"://\": {string.Join(", ", S3ArtifactStoreOptions.SupportedSchemes)}.");
            }
        }

        if (options.MaxErrorRetry is < 0 or > 20)
        {
            failures.Add($"{Section}:MaxErrorRetry is {options.MaxErrorRetry}: give 0 to 20 retries.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
