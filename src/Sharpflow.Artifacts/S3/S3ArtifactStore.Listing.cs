using Amazon.S3.Model;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.S3;

internal sealed partial class S3ArtifactStore
{
    /// <summary>S3 answers at most 1000 keys per listing and deletes at most 1000 per request.</summary>
    private const int PageSize = 1000;

    public async Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default)
    {
        var location = Locate(uri);
        var objects = new List<ArtifactObject>();
        await foreach (var item in ObjectsAsync(location, cancellationToken))
        {
            objects.Add(new ArtifactObject(
                location.UriOf(item.Key),
                item.Size ?? 0,
                item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue));
        }

        return objects;
    }

    public async Task DeleteAsync(string uri, CancellationToken cancellationToken = default)
    {
        var location = Locate(uri);
        var batch = new List<KeyVersion>(PageSize);
        await foreach (var item in ObjectsAsync(location, cancellationToken))
        {
            batch.Add(new KeyVersion { Key = item.Key });
            if (batch.Count == PageSize)
            {
                await DeleteBatchAsync(location, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await DeleteBatchAsync(location, batch, cancellationToken);
        }
    }

    /// <summary>
    /// The artifact's objects, page by page: the key itself and everything below <c>key/</c>. One listing by the
    /// key as prefix finds both; siblings that merely share the prefix (<c>key-2</c>) are skipped.
    /// </summary>
    private async IAsyncEnumerable<S3Object> ObjectsAsync(S3Location location, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await ListPageAsync(location, location.Key, token, PageSize, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                if (location.Covers(item.Key))
                {
                    yield return item;
                }
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private async Task<ListObjectsV2Response> ListPageAsync(S3Location location, string prefix, string? token, int maxKeys, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = location.Bucket, Prefix = prefix, ContinuationToken = token, MaxKeys = maxKeys },
                cancellationToken);
        }
        catch (Exception e) when (S3Errors.Translates(e, cancellationToken))
        {
            throw S3Errors.Translate(e, "list", location, _options);
        }
    }

    private async Task DeleteBatchAsync(S3Location location, List<KeyVersion> keys, CancellationToken cancellationToken)
    {
        DeleteObjectsResponse response;
        try
        {
            response = await _client.DeleteObjectsAsync(
                new DeleteObjectsRequest { BucketName = location.Bucket, Objects = [.. keys], Quiet = true },
                cancellationToken);
        }
        catch (Exception e) when (S3Errors.Translates(e, cancellationToken))
        {
            throw S3Errors.Translate(e, "delete", location, _options);
        }

        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            var first = errors[0];
            throw new ArtifactStoreException(
                $"cannot delete \"{location.UriOf(location.Key)}\": {errors.Count} of its objects were not deleted, e.g. \"{location.UriOf(first.Key)}\" ({first.Code}: {first.Message}); check the bucket's policy for s3:DeleteObject");
        }
    }
}
