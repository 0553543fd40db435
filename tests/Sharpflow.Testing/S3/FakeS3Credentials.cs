namespace Sharpflow.Testing.S3;

/// <summary>The one user the fake knows, and the region it signs in.</summary>
internal sealed record FakeS3Credentials(string AccessKey, string SecretKey, string Region);
