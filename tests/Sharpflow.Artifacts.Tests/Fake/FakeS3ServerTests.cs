using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Sharpflow.Artifacts.Tests.Support;
using Sharpflow.Testing.S3;

namespace Sharpflow.Artifacts.Tests.Fake;

/// <summary>
/// The fake against the AWS SDK with its own defaults (trailing checksums, checksum validation on reads): it must
/// answer as S3 does, and refuse what S3 refuses.
/// </summary>
public sealed class FakeS3ServerTests(FakeS3Fixture fixture) : IClassFixture<FakeS3Fixture>
{
    private const string Bucket = FakeS3Fixture.Bucket;

    private readonly string _prefix = $"fake/{Guid.NewGuid():N}";

    [Fact]
    public async Task PutObject_SdkDefaults_SendsSignedChunksWithTrailingChecksumTheFakeVerifies()
    {
        using var client = Client();

        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = _prefix + "/a.txt", ContentBody = "hello trailers" });

        var put = Assert.Single(fixture.S3.Requests, r => r.Operation == "PutObject" && r.Path.EndsWith(_prefix + "/a.txt", StringComparison.Ordinal));
        Assert.Equal("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", put.PayloadSigning);
        var stored = fixture.S3.Storage.Find(Bucket, _prefix + "/a.txt")!;
        Assert.Equal("hello trailers", Encoding.UTF8.GetString(stored.Content));
        Assert.Equal(S3ChecksumsOf("hello trailers"), stored.Checksums["crc32"]);
    }

    [Fact]
    public async Task GetObject_SdkValidatingChecksums_ReadsBackWhatWasWritten()
    {
        using var client = Client();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = _prefix + "/b.txt", ContentBody = "checked on the way back" });

        using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = _prefix + "/b.txt", ChecksumMode = ChecksumMode.ENABLED });
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal("checked on the way back", await reader.ReadToEndAsync());
        Assert.Equal(CoreChecksumAlgorithm.CRC32, response.ResponseMetadata.ChecksumAlgorithm);
    }

    [Fact]
    public async Task GetObject_ByteRange_ReturnsThatSlice()
    {
        using var client = Client();
        fixture.S3.Storage.Put(Bucket, _prefix + "/range.txt", "0123456789"u8.ToArray());

        using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = _prefix + "/range.txt", ByteRange = new ByteRange(2, 5) });
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal(HttpStatusCode.PartialContent, response.HttpStatusCode);
        Assert.Equal("2345", await reader.ReadToEndAsync());
        Assert.Equal("bytes 2-5/10", response.ContentRange);
    }

    [Fact]
    public async Task GetObject_MissingKey_AnswersNoSuchKey()
    {
        using var client = Client();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(Bucket, _prefix + "/missing"));

        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ListObjectsV2_MaxKeysAndDelimiter_PagesAndRollsUpFolders()
    {
        using var client = Client();
        foreach (var key in new[] { "a.txt", "b/1.txt", "b/2.txt", "c.txt", "d/1.txt" })
        {
            fixture.S3.Storage.Put(Bucket, $"{_prefix}/{key}", [1]);
        }

        var pages = new List<ListObjectsV2Response>();
        string? token = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = Bucket, Prefix = _prefix + "/", Delimiter = "/", MaxKeys = 2, ContinuationToken = token,
            });
            pages.Add(page);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        Assert.Equal(2, pages.Count);
        Assert.Equal(
            [$"{_prefix}/a.txt", $"{_prefix}/b/", $"{_prefix}/c.txt", $"{_prefix}/d/"],
            pages.SelectMany(p => (p.S3Objects ?? []).Select(o => o.Key).Concat(p.CommonPrefixes ?? [])).Order(StringComparer.Ordinal));
        Assert.All(pages, page => Assert.Equal(2, page.KeyCount));
    }

    [Fact]
    public async Task PutObject_BodyAlteredInTransit_IsRefusedForItsChunkSignature()
    {
        using var client = Client(new TamperingHttpClientFactory());

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = _prefix + "/tampered.bin", InputStream = new MemoryStream(new byte[4096]) }));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Null(fixture.S3.Storage.Find(Bucket, _prefix + "/tampered.bin"));
    }

    [Fact]
    public async Task Request_WithoutSignature_IsAccessDenied()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(fixture.S3.ServiceUrl, $"/{Bucket}?list-type=2"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buckets_CreateHeadAndDelete_BehaveAsS3()
    {
        using var client = Client();
        var bucket = "b-" + Guid.NewGuid().ToString("N")[..12];

        await client.PutBucketAsync(bucket);
        var again = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.PutBucketAsync(bucket));
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "x" });
        var notEmpty = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.DeleteBucketAsync(bucket));
        await client.DeleteObjectAsync(bucket, "k");
        await client.DeleteBucketAsync(bucket);

        Assert.Equal("BucketAlreadyOwnedByYou", again.ErrorCode);
        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);
        Assert.False(fixture.S3.Storage.HasBucket(bucket));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(bucket, "k"));
        Assert.Equal("NoSuchBucket", missing.ErrorCode);
    }

    private AmazonS3Client Client(HttpClientFactory? http = null) =>
        new(new BasicAWSCredentials(fixture.S3.AccessKey, fixture.S3.SecretKey), new AmazonS3Config
        {
            ServiceURL = fixture.S3.ServiceUrl.ToString(),
            AuthenticationRegion = fixture.S3.Region,
            ForcePathStyle = true,
            MaxErrorRetry = 0,
            HttpClientFactory = http,
        });

    /// <summary>CRC32 as S3 writes it, computed here independently of the fake (System.IO.Hashing is not on the feed).</summary>
    private static string S3ChecksumsOf(string text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc = ~crc;
        return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }
}
