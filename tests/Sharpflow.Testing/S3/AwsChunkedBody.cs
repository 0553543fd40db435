using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sharpflow.Testing.S3;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (SigV4 streaming uploads): chunks <c>hex-size[;chunk-signature=sig]\r\n data \r\n</c>
/// ending with a zero-size chunk, optionally followed by trailer lines (<c>x-amz-checksum-crc32:...</c>, and for signed
/// trailers <c>x-amz-trailer-signature:...</c>) and an empty line. Signed modes check every chunk signature, each
/// chained to the previous one starting from the request's signature, and the trailer signature.
/// </summary>
internal static class AwsChunkedBody
{
    public const string SignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string SignedPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string UnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private static readonly string EmptyHash = SigV4Verifier.Hex(SHA256.HashData([]));

    public static bool IsStreaming(string payloadSigning) =>
        payloadSigning is SignedPayload or SignedPayloadTrailer or UnsignedPayloadTrailer;

    public static (byte[] Data, Dictionary<string, string> Trailers) Decode(byte[] body, string mode, SigV4Context context)
    {
        var signedChunks = mode is SignedPayload or SignedPayloadTrailer;
        var data = new MemoryStream();
        var previous = context.Signature;
        var at = 0;
        while (true)
        {
            var line = ReadLine(body, ref at) ?? throw Malformed("a chunk header is missing");
            var parts = line.Split(';', 2);
            if (!int.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0 || at + size > body.Length)
            {
                throw Malformed($"the chunk header \"{line}\" has no valid size");
            }

            var chunk = body.AsSpan(at, size).ToArray();
            at += size;
            if (signedChunks)
            {
                var signature = parts.Length > 1 && parts[1].StartsWith("chunk-signature=", StringComparison.Ordinal)
                    ? parts[1]["chunk-signature=".Length..]
                    : throw Malformed("a chunk has no chunk-signature");
                var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{context.AmzDate}\n{context.Scope}\n{previous}\n{EmptyHash}\n{SigV4Verifier.Hex(SHA256.HashData(chunk))}";
                if (!SigV4Verifier.SignatureMatches(context.SigningKey, stringToSign, signature))
                {
                    throw new FakeS3Error(403, "SignatureDoesNotMatch", "The chunk signature we calculated does not match the signature you provided.");
                }

                previous = signature;
            }

            if (size == 0)
            {
                break;
            }

            data.Write(chunk);
            if (ReadLine(body, ref at) is not { Length: 0 })
            {
                throw Malformed("a chunk does not end with CRLF");
            }
        }

        var trailers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mode is SignedPayload)
        {
            return ReadLine(body, ref at) is { Length: 0 } ? (data.ToArray(), trailers) : throw Malformed("the final chunk does not end with CRLF");
        }

        var canonicalTrailers = new StringBuilder();
        string? trailerSignature = null;
        while (ReadLine(body, ref at) is { Length: > 0 } trailer)
        {
            var colon = trailer.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Malformed($"the trailer line \"{trailer}\" is not name:value");
            }

            var name = trailer[..colon].Trim().ToLowerInvariant();
            var value = trailer[(colon + 1)..].Trim();
            if (name == "x-amz-trailer-signature")
            {
                trailerSignature = value;
            }
            else
            {
                trailers[name] = value;
                canonicalTrailers.Append(name).Append(':').Append(value).Append('\n');
            }
        }

        if (mode is SignedPayloadTrailer)
        {
            var stringToSign = $"AWS4-HMAC-SHA256-TRAILER\n{context.AmzDate}\n{context.Scope}\n{previous}\n{SigV4Verifier.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalTrailers.ToString())))}";
            if (trailerSignature is null || !SigV4Verifier.SignatureMatches(context.SigningKey, stringToSign, trailerSignature))
            {
                throw new FakeS3Error(403, "SignatureDoesNotMatch", "The trailer signature we calculated does not match the signature you provided.");
            }
        }

        return (data.ToArray(), trailers);
    }

    /// <summary>The text up to the next CRLF (moving past it); null at the end of the body.</summary>
    private static string? ReadLine(byte[] body, ref int at)
    {
        if (at >= body.Length)
        {
            return null;
        }

        var end = body.AsSpan(at).IndexOf("\r\n"u8);
        if (end < 0)
        {
            throw Malformed("a line does not end with CRLF");
        }

        var line = Encoding.ASCII.GetString(body, at, end);
        at += end + 2;
        return line;
    }

    private static FakeS3Error Malformed(string what) =>
        new(400, "IncompleteBody", $"The aws-chunked request body is malformed: {what}.");
}
