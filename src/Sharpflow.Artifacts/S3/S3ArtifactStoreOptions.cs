namespace Sharpflow.Artifacts.S3;

/// <summary>
/// Where the S3 artifact store keeps artifacts: AWS S3, or an S3-compatible server (MinIO, SeaweedFS, Ceph RGW)
/// at <see cref="ServiceUrl"/>. On a Sharpflow server these bind from <c>Sharpflow:Artifacts:S3</c>; unset
/// credentials, region and endpoint fall back to the standard AWS environment variables.
/// </summary>
public sealed class S3ArtifactStoreOptions
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>The URI schemes served when <see cref="Schemes"/> is empty: <c>s3://</c> and <c>minio://</c>.</summary>
    public static IReadOnlyList<string> DefaultSchemes { get; } = ["s3", "minio"];

    /// <summary>The object-storage schemes of KFP's URIs (and of the launcher's local mounts): s3, minio and gs.</summary>
    public static IReadOnlyList<string> SupportedSchemes { get; } = ["s3", "minio", "gs"];

    /// <summary>Whether a server registers the store. Unset: when <see cref="ServiceUrl"/> or <see cref="AccessKey"/> is set.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The endpoint of an S3-compatible server, e.g. <c>http://127.0.0.1:9000</c>; unset means AWS S3 in
    /// <see cref="Region"/> (or <c>AWS_ENDPOINT_URL_S3</c> / <c>AWS_ENDPOINT_URL</c> when set).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The signing region (and the AWS region without <see cref="ServiceUrl"/>). Default: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, else us-east-1.</summary>
    public string? Region { get; set; }

    /// <summary>With <see cref="SecretKey"/>; unset (both) means <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>, else the AWS SDK's default chain (profiles, web identity, instance roles).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>For temporary credentials; taken from <c>AWS_SESSION_TOKEN</c> when the keys come from the environment.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Path-style addressing (<c>http://host/bucket/key</c>) instead of virtual hosts. Unset: on with <see cref="ServiceUrl"/>, off for AWS.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>URI schemes this store serves, without "://": any of <see cref="SupportedSchemes"/>. Empty means <see cref="DefaultSchemes"/>.</summary>
    public IList<string> Schemes { get; set; } = [];

    /// <summary>How often the SDK retries a failed request (throttling, 5xx, broken connections). Default 3.</summary>
    public int MaxErrorRetry { get; set; } = 3;

    public bool IsEnabled => Enabled ?? (!string.IsNullOrWhiteSpace(ServiceUrl) || !string.IsNullOrWhiteSpace(AccessKey));

    /// <summary>What error messages name as the storage: the endpoint, or "AWS S3 (region)".</summary>
    internal string EndpointDescription => string.IsNullOrWhiteSpace(ServiceUrl) ? $"AWS S3 ({Region ?? DefaultRegion})" : ServiceUrl;

    internal IReadOnlyList<string> EffectiveSchemes => Schemes.Count > 0 ? [.. Schemes] : DefaultSchemes;
}
