namespace Sharpflow.Runtime.Local.Logs;

/// <summary>Finds where the last N lines of a log start by reading backwards, so a tail of a large log stays cheap.</summary>
internal static class LogTail
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<long> FindStartAsync(FileStream stream, int lines, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        if (lines <= 0)
        {
            return length;
        }

        var buffer = new byte[ChunkSize];
        var end = length;
        var newlines = 0;
        var skipFinalNewline = true;
        while (end > 0)
        {
            var start = Math.Max(0, end - ChunkSize);
            var count = (int)(end - start);
            stream.Position = start;
            await stream.ReadExactlyAsync(buffer.AsMemory(0, count), cancellationToken);
            for (var i = count - 1; i >= 0; i--)
            {
                if (buffer[i] != (byte)'\n')
                {
                    skipFinalNewline = false;
                    continue;
                }

                // The newline ending the last line does not start another line after it.
                if (skipFinalNewline && start + i == length - 1)
                {
                    skipFinalNewline = false;
                    continue;
                }

                if (++newlines == lines)
                {
                    return start + i + 1;
                }
            }

            end = start;
        }

        return 0;
    }
}
