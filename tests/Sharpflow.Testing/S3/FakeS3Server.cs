using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Sharpflow.Testing.S3;

/// <summary>
/// An in-process S3 server on 127.0.0.1 (a free port) speaking S3's REST protocol with path-style addressing, for
/// tests of S3 clients where no real S3 or MinIO is reachable. It answers PutObject, GetObject (with Range),
/// HeadObject, DeleteObject, DeleteObjects, ListObjectsV2 (prefix, delimiter, max-keys, continuation-token,
/// start-after, encoding-type=url), CreateBucket, HeadBucket and DeleteBucket; errors come as S3's XML error bodies
/// (NoSuchBucket, NoSuchKey, AccessDenied, ...). Every request must carry a valid AWS Signature Version 4
/// Authorization header for the one configured access key; payloads are checked against x-amz-content-sha256,
/// including the aws-chunked streaming modes (signed chunks, signed or unsigned trailers) and x-amz-checksum-*
/// and Content-MD5 values. Anything else (multipart uploads, copies, versions, ACLs) answers 501 NotImplemented.
/// </summary>
public sealed partial class FakeS3Server : IAsyncDisposable
{
    public const string DefaultAccessKey = "sharpflow-test-access-key";
    public const string DefaultSecretKey = "sharpflow-test-secret-key";
    public const string DefaultRegion = "us-east-1";

    /// <summary>Query parameters naming S3 features the fake does not have (multipart uploads, versions, ACLs, ...).</summary>
    private static readonly string[] UnsupportedSubresources =
    [
        "acl", "tagging", "uploads", "uploadId", "partNumber", "versionId", "versions", "versioning", "policy", "location",
        "lifecycle", "cors", "attributes", "retention", "legal-hold", "torrent", "restore", "select", "website", "encryption",
    ];

    private readonly WebApplication _app;
    private readonly FakeS3Credentials _credentials;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<FakeS3Request> _requests = new();

    private FakeS3Server(WebApplication app, FakeS3Credentials credentials, TimeProvider time)
    {
        _app = app;
        _credentials = credentials;
        _time = time;
        Storage = new FakeS3Storage(time);
    }

    /// <summary>The endpoint to give clients, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public string AccessKey => _credentials.AccessKey;

    public string SecretKey => _credentials.SecretKey;

    public string Region => _credentials.Region;

    public FakeS3Storage Storage { get; }

    /// <summary>Every request answered so far, oldest first.</summary>
    public IReadOnlyList<FakeS3Request> Requests => [.. _requests];

    public static async Task<FakeS3Server> StartAsync(
        string accessKey = DefaultAccessKey,
        string secretKey = DefaultSecretKey,
        string region = DefaultRegion,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var server = new FakeS3Server(app, new FakeS3Credentials(accessKey, secretKey, region), time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ServiceUrl = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.Headers["x-amz-id-2"] = requestId;
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        var rawPath = mark < 0 ? target : target[..mark];
        var rawQuery = mark < 0 ? string.Empty : target[(mark + 1)..];
        var (bucket, key) = SplitPath(rawPath);
        var query = ParseQuery(rawQuery);
        var operation = Operation(request.Method, bucket, key, query);
        string? errorCode = null;
        try
        {
            var signing = SigV4Verifier.Verify(request, rawPath, rawQuery, _credentials, _time.GetUtcNow());
            var body = await ReadBodyAsync(request, signing, context.RequestAborted);
            await DispatchAsync(context, operation, bucket, key, query, body);
        }
        catch (FakeS3Error e)
        {
            errorCode = e.Code;
            await WriteErrorAsync(context, e, rawPath, requestId, bucket, key);
        }

        _requests.Enqueue(new FakeS3Request(
            operation, request.Method, rawPath, rawQuery, context.Response.StatusCode, errorCode, request.Headers["x-amz-content-sha256"].ToString()));
    }

    private Task DispatchAsync(HttpContext context, string operation, string? bucket, string? key, Dictionary<string, string> query, RequestBody body) =>
        operation switch
        {
            "CreateBucket" => CreateBucketAsync(context, bucket!),
            "HeadBucket" => HeadBucketAsync(context, bucket!),
            "DeleteBucket" => DeleteBucketAsync(context, bucket!),
            "ListObjectsV2" => ListObjectsV2Async(context, bucket!, query),
            "DeleteObjects" => DeleteObjectsAsync(context, bucket!, body),
            "PutObject" => PutObjectAsync(context, bucket!, key!, body),
            "GetObject" => GetObjectAsync(context, bucket!, key!, headOnly: false),
            "HeadObject" => GetObjectAsync(context, bucket!, key!, headOnly: true),
            "DeleteObject" => DeleteObjectAsync(context, bucket!, key!),
            _ => throw FakeS3Error.NotImplemented($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} ({operation})"),
        };

    /// <summary>The S3 operation a request is (path-style: /bucket, /bucket/key), or what it would be if it were supported.</summary>
    private static string Operation(string method, string? bucket, string? key, Dictionary<string, string> query)
    {
        if (UnsupportedSubresources.FirstOrDefault(query.ContainsKey) is { } subresource)
        {
            return $"Unsupported({subresource})";
        }

        return (method, bucket, key) switch
        {
            (_, null, _) => method == "GET" ? "Unsupported(ListBuckets)" : "Unsupported",
            ("PUT", _, null) => "CreateBucket",
            ("HEAD", _, null) => "HeadBucket",
            ("DELETE", _, null) => "DeleteBucket",
            ("GET", _, null) => query.GetValueOrDefault("list-type") == "2" ? "ListObjectsV2" : "Unsupported(ListObjects)",
            ("POST", _, null) => query.ContainsKey("delete") ? "DeleteObjects" : "Unsupported",
            ("PUT", _, _) => "PutObject",
            ("GET", _, _) => "GetObject",
            ("HEAD", _, _) => "HeadObject",
            ("DELETE", _, _) => "DeleteObject",
            _ => "Unsupported",
        };
    }

    private static (string? Bucket, string? Key) SplitPath(string rawPath)
    {
        var path = rawPath.TrimStart('/');
        if (path.Length == 0)
        {
            return (null, null);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == path.Length - 1)
        {
            return (Uri.UnescapeDataString(path.TrimEnd('/')), null);
        }

        return (Uri.UnescapeDataString(path[..slash]), Uri.UnescapeDataString(path[(slash + 1)..]));
    }

    private static Dictionary<string, string> ParseQuery(string rawQuery) =>
        rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .GroupBy(part => Uri.UnescapeDataString(part[0]), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Uri.UnescapeDataString(group.Last().Length > 1 ? group.Last()[1] : string.Empty), StringComparer.Ordinal);

    /// <summary>The bucket a request addresses; NoSuchBucket when missing, AccessDenied when its policy denies.</summary>
    private FakeS3Bucket BucketFor(string bucket)
    {
        var found = Storage.Bucket(bucket) ?? throw FakeS3Error.NoSuchBucket(bucket);
        return found.Denied ? throw new FakeS3Error(403, "AccessDenied", "Access Denied") : found;
    }

    private static async Task WriteErrorAsync(HttpContext context, FakeS3Error error, string resource, string requestId, string? bucket, string? key)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = error.Status;
        response.Headers["x-amz-request-id"] = requestId;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return; // S3 answers HEAD errors with the status alone.
        }

        response.ContentType = "application/xml";
        await response.WriteAsync(S3Xml.Error(error, resource, requestId, bucket, key));
    }
}
