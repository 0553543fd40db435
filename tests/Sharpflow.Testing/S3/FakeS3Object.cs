namespace Sharpflow.Testing.S3;

/// <summary>A stored object: its bytes, ETag (quoted MD5), last change, content type and the checksums it was uploaded with.</summary>
public sealed record FakeS3Object(
    byte[] Content,
    string ETag,
    DateTimeOffset LastModified,
    string ContentType,
    IReadOnlyDictionary<string, string> Checksums);
