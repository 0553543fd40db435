using System.Buffers;
using System.Text;

namespace Sharpflow.Runtime.Local.Logs;

/// <summary>
/// Cuts a byte stream into lines at '\n' (dropping a trailing '\r'), holding back an unfinished last line until
/// more bytes or <see cref="Flush"/>. Splitting bytes at '\n' never cuts a UTF-8 character.
/// </summary>
internal sealed class LogLineSplitter
{
    /// <summary>A line longer than this is given out in pieces rather than held in memory.</summary>
    private const int MaxLineBytes = 1 << 20;

    private readonly ArrayBufferWriter<byte> _pending = new();

    public IEnumerable<string> Push(ReadOnlyMemory<byte> bytes)
    {
        var lines = new List<string>();
        var span = bytes.Span;
        while (span.Length > 0)
        {
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _pending.Write(span);
                if (_pending.WrittenCount >= MaxLineBytes)
                {
                    lines.Add(TakePending());
                }

                break;
            }

            _pending.Write(span[..newline]);
            lines.Add(TakePending());
            span = span[(newline + 1)..];
        }

        return lines;
    }

    /// <summary>The unfinished last line, once no more bytes will come.</summary>
    public string? Flush() => _pending.WrittenCount == 0 ? null : TakePending();

    private string TakePending()
    {
        var buffer = _pending.WrittenSpan;
        if (buffer.Length > 0 && buffer[^1] == (byte)'\r')
        {
            buffer = buffer[..^1];
        }

        var line = Encoding.UTF8.GetString(buffer);
        _pending.ResetWrittenCount();
        return line;
    }
}
