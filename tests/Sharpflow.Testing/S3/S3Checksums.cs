using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Sharpflow.Testing.S3;

/// <summary>
/// The checksums S3 accepts in x-amz-checksum-* headers and trailers, base64 of the big-endian value:
/// CRC32, CRC32C, CRC64NVME, SHA1, SHA256. (Written here: the framework has no CRC32C or CRC64NVME.)
/// </summary>
internal static class S3Checksums
{
    public const string HeaderPrefix = "x-amz-checksum-";

    private static readonly uint[] Crc32Table = Table32(0xEDB88320u);
    private static readonly uint[] Crc32CTable = Table32(0x82F63B78u);
    private static readonly ulong[] Crc64NvmeTable = Table64(0x9A6C9329AC4BC9B5ul);

    public static IReadOnlyList<string> Algorithms { get; } = ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"];

    /// <summary>The base64 checksum of <paramref name="data"/>; null for an algorithm S3 does not know.</summary>
    public static string? Compute(string algorithm, byte[] data) => algorithm switch
    {
        "crc32" => Base64(Crc32(data, Crc32Table)),
        "crc32c" => Base64(Crc32(data, Crc32CTable)),
        "crc64nvme" => Base64(Crc64(data)),
#pragma warning disable CA5350 // S3's protocol names SHA-1 as one of its checksums; it is not used for security here.
        "sha1" => Convert.ToBase64String(SHA1.HashData(data)),
#pragma warning restore CA5350
        "sha256" => Convert.ToBase64String(SHA256.HashData(data)),
        _ => null,
    };

    private static uint Crc32(byte[] data, uint[] table)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static ulong Crc64(byte[] data)
    {
        var crc = ulong.MaxValue;
        foreach (var b in data)
        {
            crc = Crc64NvmeTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static string Base64(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return Convert.ToBase64String(bytes);
    }

    private static string Base64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return Convert.ToBase64String(bytes);
    }

    private static uint[] Table32(uint polynomial)
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }

    private static ulong[] Table64(ulong polynomial)
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
