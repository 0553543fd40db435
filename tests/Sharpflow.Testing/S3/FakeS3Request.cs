namespace Sharpflow.Testing.S3;

/// <summary>
/// One request the fake answered: the S3 operation it was routed to, method, raw path and query, status, S3 error code
/// (if any), and the payload signing mode the client chose (the x-amz-content-sha256 header).
/// </summary>
public sealed record FakeS3Request(
    string Operation,
    string Method,
    string Path,
    string Query,
    int Status,
    string? ErrorCode,
    string? PayloadSigning);
