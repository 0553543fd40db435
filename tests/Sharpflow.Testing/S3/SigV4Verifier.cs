using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sharpflow.Testing.S3;

/// <summary>
/// Checks a request's AWS Signature Version 4 Authorization header as S3 does: the access key, the credential scope
/// (date, region, "s3"), the clock skew, and the signature over the canonical request (method, raw path, sorted
/// query, the signed headers, and the x-amz-content-sha256 payload hash) computed with the secret key.
/// </summary>
internal static class SigV4Verifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    public static SigV4Context Verify(HttpRequest request, string rawPath, string rawQuery, FakeS3Credentials credentials, DateTimeOffset now)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new FakeS3Error(403, "AccessDenied", "Access Denied: the request has no Authorization header (anonymous access is not allowed).");
        }

        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw new FakeS3Error(400, "InvalidRequest", "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
        }

        var fields = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(part => part[0], part => part.Length > 1 ? part[1] : string.Empty, StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            throw new FakeS3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it needs Credential, SignedHeaders and Signature.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            throw new FakeS3Error(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; the Credential \"{credential}\" is not <key>/<date>/<region>/s3/aws4_request.");
        }

        if (scope[0] != credentials.AccessKey)
        {
            throw new FakeS3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
        }

        if (scope[2] != credentials.Region)
        {
            throw new FakeS3Error(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; the region '{scope[2]}' is wrong; expecting '{credentials.Region}'");
        }

        if (scope[3] != "s3")
        {
            throw new FakeS3Error(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; the service '{scope[3]}' is wrong; expecting 's3'");
        }

        var amzDate = request.Headers["x-amz-date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new FakeS3Error(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
        }

        if (!amzDate.StartsWith(scope[1], StringComparison.Ordinal))
        {
            throw new FakeS3Error(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; Invalid credential date \"{scope[1]}\". This date is not the same as X-Amz-Date: \"{amzDate}\".");
        }

        if ((now - signedAt).Duration() > MaxSkew)
        {
            throw new FakeS3Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
        }

        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        if (payloadHash.Length == 0)
        {
            throw new FakeS3Error(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }

        var signed = signedHeaders.Split(';');
        if (!signed.Contains("host") || signed.Any(name => name.Any(char.IsAsciiLetterUpper)))
        {
            throw new FakeS3Error(403, "AccessDenied", "There were headers present in the request which were not signed: host must be signed and signed header names are lower case.");
        }

        var canonicalRequest = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(rawPath).Append('\n')
            .Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signed)
        {
            canonicalRequest.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }

        canonicalRequest.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        var credentialScope = string.Join('/', scope[1..]);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest.ToString())))}";
        var key = SigningKey(credentials.SecretKey, scope[1], scope[2]);
        if (!SignatureMatches(key, stringToSign, signature))
        {
            throw new FakeS3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        }

        return new SigV4Context(amzDate, credentialScope, key, signature);
    }

    public static bool SignatureMatches(byte[] key, string stringToSign, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)))),
            Encoding.ASCII.GetBytes(signature));

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] SigningKey(string secretKey, string date, string region)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, "s3"u8.ToArray());
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    /// <summary>Query parameters decoded, re-encoded the AWS way, and sorted by name then value.</summary>
    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = rawQuery.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(part => (Name: UriEncode(Uri.UnescapeDataString(part[0])), Value: UriEncode(Uri.UnescapeDataString(part.Length > 1 ? part[1] : string.Empty))))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Name}={pair.Value}"));
    }

    private static string CanonicalHeaderValue(HttpRequest request, string name)
    {
        var values = name == "host" ? request.Headers.Host.ToString() : string.Join(',', request.Headers[name].Select(v => v ?? string.Empty));
        return string.Join(' ', values.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters stay, every other UTF-8 byte is %XX.</summary>
    private static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
