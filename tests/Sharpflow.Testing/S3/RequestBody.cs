namespace Sharpflow.Testing.S3;

/// <summary>A request's payload after aws-chunked decoding and verification, with the checksums it came with (by algorithm).</summary>
internal sealed record RequestBody(byte[] Data, IReadOnlyDictionary<string, string> Checksums);
