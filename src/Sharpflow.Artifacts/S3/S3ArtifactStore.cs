using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.S3;

/// <summary>
/// Artifacts in S3 or an S3-compatible server, addressed as KFP lays them out: <c>s3://bucket/key</c> and
/// <c>minio://bucket/key</c> (the schemes are configurable). A single-file artifact is the object at its key;
/// a directory artifact is every object below <c>key/</c>. Nothing is local: <see cref="LocalPath"/> is null, so
/// the pipeline launcher downloads inputs before a task and uploads outputs after it. See the partial files.
/// </summary>
internal sealed partial class S3ArtifactStore : IArtifactStore, IDisposable
{
    private readonly S3ArtifactStoreOptions _options;
    private readonly IAmazonS3 _client;
    private readonly IReadOnlyList<string> _prefixes;

    public S3ArtifactStore(IOptions<S3ArtifactStoreOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), S3ClientFactory.Create(options.Value))
    {
    }

    internal S3ArtifactStore(S3ArtifactStoreOptions options, IAmazonS3 client)
    {
        _options = options;
        _client = client;
        _prefixes = [.. options.EffectiveSchemes.Select(scheme => scheme + "://")];
    }

    public bool Handles(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return _prefixes.Any(prefix => uri.StartsWith(prefix, StringComparison.Ordinal));
    }

    public string? LocalPath(string uri) => null;

    public async Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken = default)
    {
        var location = Locate(uri);
        try
        {
            await _client.GetObjectMetadataAsync(location.Bucket, location.Key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Not a file; maybe a directory. A missing bucket is reported by the listing (HEAD answers carry no error code).
        }
        catch (Exception e) when (S3Errors.Translates(e, cancellationToken))
        {
            throw S3Errors.Translate(e, "look up", location, _options);
        }

        var page = await ListPageAsync(location, location.Key + "/", null, 1, cancellationToken);
        return page.S3Objects is { Count: > 0 };
    }

    public async Task<Stream?> OpenReadAsync(string uri, CancellationToken cancellationToken = default)
    {
        var location = Locate(uri);
        try
        {
            var response = await _client.GetObjectAsync(location.Bucket, location.Key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
        catch (Exception e) when (S3Errors.Translates(e, cancellationToken))
        {
            throw S3Errors.Translate(e, "read", location, _options);
        }
    }

    public async Task WriteAsync(string uri, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var location = Locate(uri);

        // The SDK signs and sends a known length; a stream that cannot tell it is spooled to a temporary file first.
        await using var spooled = content.CanSeek ? null : await SpoolAsync(content, cancellationToken);
        var request = new PutObjectRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            InputStream = spooled ?? content,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
        };
        try
        {
            await _client.PutObjectAsync(request, cancellationToken);
        }
        catch (Exception e) when (S3Errors.Translates(e, cancellationToken))
        {
            throw S3Errors.Translate(e, "upload to", location, _options);
        }
    }

    public void Dispose() => _client.Dispose();

    private S3Location Locate(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var prefix = _prefixes.FirstOrDefault(p => uri.StartsWith(p, StringComparison.Ordinal))
            ?? throw new ArtifactStoreException($"the S3 artifact store does not serve \"{uri}\": it serves {string.Join(", ", _prefixes)} (Sharpflow:Artifacts:S3:Schemes)");
        return S3Location.Parse(uri, prefix);
    }

    private static async Task<Stream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var file = new FileStream(
            Path.Join(Path.GetTempPath(), $"sharpflow-upload-{Guid.NewGuid():N}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
