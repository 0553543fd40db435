namespace Sharpflow.Testing.S3;

/// <summary>What a verified request was signed with, to verify the signatures of its aws-chunked body.</summary>
internal sealed record SigV4Context(string AmzDate, string Scope, byte[] SigningKey, string Signature);
