using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Sharpflow.Testing.S3;

public sealed partial class FakeS3Server
{
    /// <summary>S3 deletes at most this many keys per DeleteObjects request.</summary>
    private const int MaxDeleteKeys = 1000;

    private Task CreateBucketAsync(HttpContext context, string bucket)
    {
        if (!BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            throw new FakeS3Error(400, "InvalidBucketName", $"The specified bucket is not valid: {bucket}");
        }

        if (!Storage.CreateBucket(bucket))
        {
            throw new FakeS3Error(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.");
        }

        context.Response.Headers.Location = "/" + bucket;
        return Task.CompletedTask;
    }

    private Task HeadBucketAsync(HttpContext context, string bucket)
    {
        BucketFor(bucket);
        context.Response.Headers["x-amz-bucket-region"] = Region;
        return Task.CompletedTask;
    }

    private Task DeleteBucketAsync(HttpContext context, string bucket)
    {
        if (BucketFor(bucket).Count > 0)
        {
            throw new FakeS3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.");
        }

        Storage.DeleteBucket(bucket);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Multi-object delete: <c>POST /bucket?delete</c> with a <c>&lt;Delete&gt;</c> document of up to 1000 keys.</summary>
    private async Task DeleteObjectsAsync(HttpContext context, string bucket, RequestBody body)
    {
        var target = BucketFor(bucket);
        if (context.Request.Headers.ContentMD5.Count == 0 && body.Checksums.Count == 0)
        {
            throw new FakeS3Error(400, "InvalidRequest", "Missing required header for this request: Content-MD5 (or an x-amz-checksum-* header).");
        }

        var document = S3Xml.Parse(body.Data).Root;
        if (document?.Name.LocalName != "Delete")
        {
            throw new FakeS3Error(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema: the root is not Delete.");
        }

        var keys = document.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(e => e.Elements().FirstOrDefault(k => k.Name.LocalName == "Key")?.Value)
            .ToList();
        if (keys.Count is 0 or > MaxDeleteKeys || keys.Any(k => k is null))
        {
            throw new FakeS3Error(400, "MalformedXML", $"The XML you provided was not well-formed or did not validate against our published schema: give 1 to {MaxDeleteKeys} Object elements with a Key.");
        }

        var quiet = string.Equals(document.Elements().FirstOrDefault(e => e.Name.LocalName == "Quiet")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var result = new List<XElement>();
        foreach (var key in keys)
        {
            target.Remove(key!);
            if (!quiet)
            {
                result.Add(S3Xml.Element("Deleted", S3Xml.Element("Key", key)));
            }
        }

        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(S3Xml.Result("DeleteResult", result));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
