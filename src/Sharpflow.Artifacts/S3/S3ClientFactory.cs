using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Sharpflow.Artifacts.S3;

/// <summary>Builds the AWS SDK client from the store's options.</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(S3ArtifactStoreOptions options)
    {
        var region = options.Region ?? S3ArtifactStoreOptions.DefaultRegion;
        var config = new AmazonS3Config
        {
            MaxErrorRetry = options.MaxErrorRetry,
            // One source of truth: ServiceUrl already took AWS_ENDPOINT_URL(_S3) into account.
            IgnoreConfiguredEndpointUrls = true,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = region;
            config.ForcePathStyle = options.ForcePathStyle ?? true;

            // Checksums only where S3 requires them: S3-compatible servers differ in their support of the
            // trailing checksums (aws-chunked with x-amz-trailer) the SDK otherwise sends with every upload.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return Credentials(options) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    private static AWSCredentials? Credentials(S3ArtifactStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AccessKey) || string.IsNullOrWhiteSpace(options.SecretKey))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.SessionToken)
            ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
            : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
    }
}
