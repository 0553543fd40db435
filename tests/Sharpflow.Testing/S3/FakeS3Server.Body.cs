using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Sharpflow.Testing.S3;

public sealed partial class FakeS3Server
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>
    /// Reads the payload and checks it as S3 does: a hex x-amz-content-sha256 must match the bytes, streaming modes are
    /// decoded (and their chunk and trailer signatures checked), x-amz-decoded-content-length must match, and every
    /// x-amz-checksum-* value (header or trailer) and Content-MD5 must match the decoded bytes.
    /// </summary>
    private static async Task<RequestBody> ReadBodyAsync(HttpRequest request, SigV4Context signing, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var raw = buffer.ToArray();
        var mode = request.Headers["x-amz-content-sha256"].ToString();
        byte[] data;
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        if (AwsChunkedBody.IsStreaming(mode))
        {
            (data, var trailers) = AwsChunkedBody.Decode(raw, mode, signing);
            var declared = request.Headers["x-amz-decoded-content-length"].ToString();
            if (!long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != data.Length)
            {
                throw new FakeS3Error(400, "IncompleteBody", $"x-amz-decoded-content-length is \"{declared}\" but the decoded body has {data.Length} bytes.");
            }

            foreach (var name in request.Headers["x-amz-trailer"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!trailers.ContainsKey(name.ToLowerInvariant()))
                {
                    throw new FakeS3Error(400, "MalformedTrailerError", $"The request announced the trailer {name} but did not send it.");
                }
            }

            foreach (var (name, value) in trailers.Where(t => t.Key.StartsWith(S3Checksums.HeaderPrefix, StringComparison.Ordinal)))
            {
                checksums[name[S3Checksums.HeaderPrefix.Length..]] = value;
            }
        }
        else if (mode == UnsignedPayload)
        {
            data = raw;
        }
        else if (mode.Length == 64 && mode.All(char.IsAsciiHexDigitLower))
        {
            data = raw;
            if (SigV4Verifier.Hex(SHA256.HashData(data)) != mode)
            {
                throw new FakeS3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
        }
        else
        {
            throw new FakeS3Error(400, "InvalidArgument", $"x-amz-content-sha256 \"{mode}\" must be UNSIGNED-PAYLOAD, a STREAMING-* mode or the hex SHA256 of the payload.");
        }

        foreach (var header in request.Headers.Where(h => h.Key.StartsWith(S3Checksums.HeaderPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var algorithm = header.Key[S3Checksums.HeaderPrefix.Length..].ToLowerInvariant();
            if (algorithm is not ("mode" or "type" or "algorithm"))
            {
                checksums[algorithm] = header.Value.ToString();
            }
        }

        foreach (var (algorithm, value) in checksums)
        {
            var computed = S3Checksums.Compute(algorithm, data)
                ?? throw new FakeS3Error(400, "InvalidRequest", $"Value for x-amz-checksum-{algorithm} is not a supported checksum algorithm.");
            if (computed != value)
            {
                throw new FakeS3Error(400, "BadDigest", $"The {algorithm.ToUpperInvariant()} you specified did not match the calculated checksum.");
            }
        }

        if (request.Headers.ContentMD5.ToString() is { Length: > 0 } md5 && md5 != ContentMd5(data))
        {
            throw new FakeS3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }

        return new RequestBody(data, checksums);
    }

#pragma warning disable CA5351 // Content-MD5 is part of S3's protocol, not used for security here.
    private static string ContentMd5(byte[] data) => Convert.ToBase64String(MD5.HashData(data));
#pragma warning restore CA5351
}
