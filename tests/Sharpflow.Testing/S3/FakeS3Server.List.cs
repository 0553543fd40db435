using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Sharpflow.Testing.S3;

public sealed partial class FakeS3Server
{
    private const int MaxListKeys = 1000;

    /// <summary>
    /// <c>GET /bucket?list-type=2</c>: keys with the prefix in S3 order after start-after or the continuation token, at
    /// most max-keys (capped at 1000) entries per page, keys sharing a delimiter-ended prefix rolled up into one
    /// CommonPrefixes entry (which counts as one key), and with encoding-type=url the names URL-encoded.
    /// </summary>
    private async Task ListObjectsV2Async(HttpContext context, string bucket, Dictionary<string, string> query)
    {
        var target = BucketFor(bucket);
        var prefix = query.GetValueOrDefault("prefix") ?? string.Empty;
        var delimiter = query.GetValueOrDefault("delimiter") is { Length: > 0 } d ? d : null;
        var maxKeys = MaxListKeys;
        if (query.TryGetValue("max-keys", out var max) && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys) || maxKeys < 0))
        {
            throw new FakeS3Error(400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
        }

        maxKeys = Math.Min(maxKeys, MaxListKeys);
        var encoding = query.GetValueOrDefault("encoding-type");
        if (encoding is not (null or "url"))
        {
            throw new FakeS3Error(400, "InvalidArgument", "Invalid Encoding Method specified in Request");
        }

        var token = query.GetValueOrDefault("continuation-token");
        var (after, skip) = token is null ? (query.GetValueOrDefault("start-after"), null) : DecodeToken(token);

        var contents = new List<KeyValuePair<string, FakeS3Object>>();
        var commonPrefixes = new List<string>();
        string? next = null;
        foreach (var entry in target.After(prefix, after))
        {
            if (skip is not null && entry.Key.StartsWith(skip, StringComparison.Ordinal))
            {
                continue;
            }

            var rolled = delimiter is null ? null : RollUp(entry.Key, prefix, delimiter);
            if (rolled is not null && commonPrefixes.Count > 0 && commonPrefixes[^1] == rolled)
            {
                continue;
            }

            if (contents.Count + commonPrefixes.Count == maxKeys)
            {
                next = maxKeys == 0 ? null : EncodeToken(contents, commonPrefixes);
                break;
            }

            if (rolled is not null)
            {
                commonPrefixes.Add(rolled);
            }
            else
            {
                contents.Add(entry);
            }
        }

        string Name(string value) => encoding == "url" ? Uri.EscapeDataString(value) : value;
        var result = new List<object>
        {
            S3Xml.Element("Name", bucket),
            S3Xml.Element("Prefix", Name(prefix)),
            S3Xml.Element("MaxKeys", maxKeys),
            S3Xml.Element("KeyCount", contents.Count + commonPrefixes.Count),
            S3Xml.Element("IsTruncated", next is null ? "false" : "true"),
        };
        AddIfSet(result, "Delimiter", delimiter is null ? null : Name(delimiter));
        AddIfSet(result, "EncodingType", encoding);
        AddIfSet(result, "ContinuationToken", token);
        AddIfSet(result, "NextContinuationToken", next);
        AddIfSet(result, "StartAfter", query.GetValueOrDefault("start-after") is { } startAfter ? Name(startAfter) : null);
        result.AddRange(contents.Select(entry => S3Xml.Element("Contents", new object[]
        {
            S3Xml.Element("Key", Name(entry.Key)),
            S3Xml.Element("LastModified", S3Xml.Time(entry.Value.LastModified)),
            S3Xml.Element("ETag", entry.Value.ETag),
            S3Xml.Element("Size", entry.Value.Content.Length),
            S3Xml.Element("StorageClass", "STANDARD"),
        })));
        result.AddRange(commonPrefixes.Select(common => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", Name(common)))));

        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(S3Xml.Result("ListBucketResult", [.. result]));
    }

    /// <summary>The common prefix a key rolls up into: the prefix plus everything up to and including the next delimiter.</summary>
    private static string? RollUp(string key, string prefix, string delimiter)
    {
        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    /// <summary>An opaque token naming the last entry of the page: a key ("k:") or a common prefix ("p:") to skip past.</summary>
    private static string EncodeToken(List<KeyValuePair<string, FakeS3Object>> contents, List<string> commonPrefixes)
    {
        var lastKey = contents.Count > 0 ? contents[^1].Key : null;
        var lastPrefix = commonPrefixes.Count > 0 ? commonPrefixes[^1] : null;
        var last = lastPrefix is not null && (lastKey is null || S3KeyComparer.Instance.Compare(lastPrefix, lastKey) > 0)
            ? "p:" + lastPrefix
            : "k:" + lastKey;
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(last));
    }

    private static (string? After, string? Skip) DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("k:", StringComparison.Ordinal) ? (text[2..], null)
                : text.StartsWith("p:", StringComparison.Ordinal) ? (text[2..], text[2..])
                : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new FakeS3Error(400, "InvalidArgument", "The continuation token provided is incorrect");
        }
    }

    private static void AddIfSet(List<object> result, string name, string? value)
    {
        if (value is not null)
        {
            result.Add(S3Xml.Element(name, value));
        }
    }
}
