using System.Text;

namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>The beginning of an artifact's content, as text when it is text.</summary>
internal sealed record ArtifactText(string? Text, bool Truncated, long BytesRead)
{
    public bool IsBinary => Text is null;

    /// <summary>Reads at most <paramref name="limit"/> bytes; content with NUL bytes or invalid UTF-8 is binary.</summary>
    public static async Task<ArtifactText> ReadAsync(Stream content, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var truncated = read > limit;
        var length = Math.Min(read, limit);
        var bytes = buffer.AsSpan(0, length);
        if (bytes.Contains((byte)0))
        {
            return new ArtifactText(null, truncated, length);
        }

        // A cut may split a multi-byte character: drop an incomplete sequence at the end before checking.
        if (truncated)
        {
            bytes = bytes[..CompleteLength(bytes)];
        }

        try
        {
            return new ArtifactText(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), truncated, length);
        }
        catch (DecoderFallbackException)
        {
            return new ArtifactText(null, truncated, length);
        }
    }

    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0b1100_0000) == 0b1100_0000)
            {
                var needed = (b & 0b1110_0000) == 0b1100_0000 ? 2 : (b & 0b1111_0000) == 0b1110_0000 ? 3 : 4;
                return needed > back ? bytes.Length - back : bytes.Length;
            }

            if ((b & 0b1000_0000) == 0)
            {
                return bytes.Length;
            }
        }

        return bytes.Length;
    }
}
