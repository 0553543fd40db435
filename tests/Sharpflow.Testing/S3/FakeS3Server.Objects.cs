using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Sharpflow.Testing.S3;

public sealed partial class FakeS3Server
{
    private const int MaxKeyBytes = 1024;

    private Task PutObjectAsync(HttpContext context, string bucket, string key, RequestBody body)
    {
        var target = BucketFor(bucket);
        if (!S3KeyComparer.IsUtf8Length(key, MaxKeyBytes))
        {
            throw new FakeS3Error(400, "KeyTooLongError", "Your key is too long.");
        }

        if (context.Request.Headers.ContainsKey("x-amz-copy-source"))
        {
            throw FakeS3Error.NotImplemented("CopyObject");
        }

        var contentType = context.Request.ContentType is { Length: > 0 } type ? type : "binary/octet-stream";
        var stored = Storage.Describe(body.Data, contentType, body.Checksums);
        target.Put(key, stored);
        context.Response.Headers.ETag = stored.ETag;
        foreach (var (algorithm, value) in body.Checksums)
        {
            context.Response.Headers[S3Checksums.HeaderPrefix + algorithm] = value;
        }

        return Task.CompletedTask;
    }

    private async Task GetObjectAsync(HttpContext context, string bucket, string key, bool headOnly)
    {
        var stored = BucketFor(bucket).Get(key) ?? throw FakeS3Error.NoSuchKey(key);
        var response = context.Response;
        var (start, length) = Range(context.Request.Headers.Range.ToString(), stored.Content.Length);
        response.ContentType = stored.ContentType;
        response.Headers.ETag = stored.ETag;
        response.Headers.LastModified = stored.LastModified.ToString("r", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        if (length != stored.Content.Length)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {start}-{start + length - 1}/{stored.Content.Length}";
        }
        else if (context.Request.Headers["x-amz-checksum-mode"] == "ENABLED")
        {
            // Checksums describe the whole object: S3 returns them for full reads only.
            foreach (var (algorithm, value) in stored.Checksums)
            {
                response.Headers[S3Checksums.HeaderPrefix + algorithm] = value;
                response.Headers["x-amz-checksum-type"] = "FULL_OBJECT";
            }
        }

        response.ContentLength = length;
        if (!headOnly)
        {
            await response.Body.WriteAsync(stored.Content.AsMemory(start, length), context.RequestAborted);
        }
    }

    private Task DeleteObjectAsync(HttpContext context, string bucket, string key)
    {
        BucketFor(bucket).Remove(key);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>
    /// One byte range (<c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c>) as start and length; the whole object when
    /// there is no Range header or S3 would ignore it (several ranges, bad syntax); InvalidRange when it starts past the end.
    /// </summary>
    private static (int Start, int Length) Range(string header, int size)
    {
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
        {
            return (0, size);
        }

        var spec = header["bytes=".Length..].Split('-', 2);
        if (spec.Length != 2)
        {
            return (0, size);
        }

        var hasFirst = long.TryParse(spec[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first);
        var hasLast = long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last);
        if (!hasFirst && hasLast)
        {
            var suffix = (int)Math.Min(last, size);
            return suffix == 0 ? throw InvalidRange(size) : (size - suffix, suffix);
        }

        if (!hasFirst || (hasLast && last < first))
        {
            return (0, size);
        }

        if (first >= size)
        {
            throw InvalidRange(size);
        }

        var end = hasLast ? Math.Min(last, size - 1) : size - 1;
        return ((int)first, (int)(end - first + 1));
    }

    private static FakeS3Error InvalidRange(int size) =>
        new(416, "InvalidRange", $"The requested range is not satisfiable (the object has {size} bytes).");
}
