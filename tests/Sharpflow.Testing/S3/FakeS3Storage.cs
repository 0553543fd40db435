using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Sharpflow.Testing.S3;

/// <summary>The fake's buckets and objects, for tests to seed and inspect beside the HTTP API.</summary>
public sealed class FakeS3Storage(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, FakeS3Bucket> _buckets = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Buckets => [.. _buckets.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Creates the bucket; false when it already exists.</summary>
    public bool CreateBucket(string bucket) => _buckets.TryAdd(bucket, new FakeS3Bucket(bucket));

    public bool HasBucket(string bucket) => _buckets.ContainsKey(bucket);

    /// <summary>Answers every later request on the bucket with 403 AccessDenied, as a denying bucket policy would.</summary>
    public void DenyAccess(string bucket) => Require(bucket).Denied = true;

    /// <summary>The keys of a bucket that start with <paramref name="prefix"/>, in S3's order.</summary>
    public IReadOnlyList<string> Keys(string bucket, string prefix = "") =>
        [.. Require(bucket).After(prefix, null).Select(entry => entry.Key)];

    /// <summary>An object's content, or null when it does not exist.</summary>
    public byte[]? Read(string bucket, string key) => Require(bucket).Get(key)?.Content;

    public FakeS3Object? Find(string bucket, string key) => Require(bucket).Get(key);

    /// <summary>Stores an object directly (no HTTP), e.g. to seed a large directory quickly.</summary>
    public void Put(string bucket, string key, byte[] content, IReadOnlyDictionary<string, string>? checksums = null) =>
        Require(bucket).Put(key, Describe(content, "application/octet-stream", checksums));

    internal FakeS3Bucket? Bucket(string bucket) => _buckets.GetValueOrDefault(bucket);

    internal bool DeleteBucket(string bucket) => _buckets.TryRemove(bucket, out _);

    internal FakeS3Object Describe(byte[] content, string contentType, IReadOnlyDictionary<string, string>? checksums) =>
        new(content, ETag(content), Truncate(time.GetUtcNow()), contentType, checksums ?? new Dictionary<string, string>());

#pragma warning disable CA5351 // S3's ETag of a single-part upload is the MD5 of the content; it is not used for security here.
    private static string ETag(byte[] content) => $"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"";
#pragma warning restore CA5351

    private FakeS3Bucket Require(string bucket) =>
        Bucket(bucket) ?? throw new InvalidOperationException($"the fake S3 server has no bucket \"{bucket}\"");

    /// <summary>S3 keeps modification times to the millisecond (listings) and the second (HTTP dates).</summary>
    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
