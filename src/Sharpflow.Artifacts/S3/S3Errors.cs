using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.S3;

/// <summary>Turns what the SDK throws into an <see cref="ArtifactStoreException"/> that says what to check.</summary>
internal static class S3Errors
{
    private const string Section = "Sharpflow:Artifacts:S3";

    private static readonly HashSet<string> DeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled",
        "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AccountProblem",
    };

    /// <summary>Whether <paramref name="error"/> is one to translate (not a cancellation the caller asked for).</summary>
    public static bool Translates(Exception error, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && error is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException;

    /// <param name="operation">What was done, as a verb phrase: "read", "list", "upload to".</param>
    public static ArtifactStoreException Translate(Exception error, string operation, S3Location location, S3ArtifactStoreOptions options)
    {
        var endpoint = options.EndpointDescription;
        var uri = location.UriOf(location.Key);
        if (error is AmazonS3Exception s3 && s3.StatusCode != 0)
        {
            return new ArtifactStoreException(Describe(s3, operation, uri, location.Bucket, endpoint), error);
        }

        if (Unreachable(error) is { } cause)
        {
            return new ArtifactStoreException(
                $"cannot {operation} \"{uri}\": the S3 endpoint {endpoint} cannot be reached ({cause.Message}); check {Section}:ServiceUrl and that the server runs and is reachable from here",
                error);
        }

        if (error is AmazonClientException && error.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
        {
            return new ArtifactStoreException(
                $"cannot {operation} \"{uri}\": no S3 credentials ({error.Message}); set {Section}:AccessKey and {Section}:SecretKey, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                error);
        }

        return new ArtifactStoreException($"cannot {operation} \"{uri}\" on {endpoint}: {error.Message}", error);
    }

    private static string Describe(AmazonS3Exception error, string operation, string uri, string bucket, string endpoint)
    {
        var code = string.IsNullOrEmpty(error.ErrorCode) ? error.StatusCode.ToString() : error.ErrorCode;
        if (code == "NoSuchBucket")
        {
            return $"cannot {operation} \"{uri}\": the bucket \"{bucket}\" does not exist on {endpoint}; create it, or check the bucket in the URI (the run's pipeline root) and {Section}:ServiceUrl";
        }

        if (DeniedCodes.Contains(code) || error.StatusCode == HttpStatusCode.Forbidden)
        {
            return $"cannot {operation} \"{uri}\": {endpoint} denied it ({code}: {error.Message}); check {Section}:AccessKey and {Section}:SecretKey (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) and the policy of bucket \"{bucket}\"";
        }

        if (code is "AuthorizationHeaderMalformed" or "PermanentRedirect" or "IllegalLocationConstraintException" || error.StatusCode == HttpStatusCode.MovedPermanently)
        {
            return $"cannot {operation} \"{uri}\": {endpoint} expects another region for bucket \"{bucket}\" ({code}: {error.Message}); check {Section}:Region";
        }

        return $"cannot {operation} \"{uri}\" on {endpoint}: {code} (HTTP {(int)error.StatusCode}): {error.Message}";
    }

    /// <summary>The network-level cause when the endpoint could not be reached at all.</summary>
    private static Exception? Unreachable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or TimeoutException or OperationCanceledException or WebException)
            {
                return e is HttpRequestException { InnerException: SocketException socket } ? socket : e;
            }
        }

        return null;
    }
}
