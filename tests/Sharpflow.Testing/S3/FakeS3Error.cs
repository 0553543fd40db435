namespace Sharpflow.Testing.S3;

/// <summary>An S3 error answer: HTTP status, S3 error code (NoSuchKey, SignatureDoesNotMatch, ...) and message.</summary>
internal sealed class FakeS3Error : Exception
{
    public FakeS3Error(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }

    public static FakeS3Error NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", $"The specified bucket does not exist: {bucket}");

    public static FakeS3Error NoSuchKey(string key) =>
        new(404, "NoSuchKey", $"The specified key does not exist: {key}");

    public static FakeS3Error NotImplemented(string what) =>
        new(501, "NotImplemented", $"A header or query you provided implies functionality that is not implemented: {what}");
}
