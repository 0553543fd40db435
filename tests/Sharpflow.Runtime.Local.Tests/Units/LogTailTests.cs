using System.Text;
using Sharpflow.Runtime.Local.Logs;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class LogTailTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    [Theory]
    [InlineData("a\nb\nc\n", 2, "b\nc\n")]
    [InlineData("a\nb\nc", 1, "c")]
    [InlineData("a\nb\nc", 2, "b\nc")]
    [InlineData("a\nb\n", 5, "a\nb\n")]
    [InlineData("a\n\n\n", 2, "\n\n")]
    [InlineData("", 3, "")]
    [InlineData("a\nb\n", 0, "")]
    public async Task FindStartAsync_LastLines_StartsAtTheRightByte(string content, int lines, string expected)
    {
        File.WriteAllText(_path, content);
        await using var stream = File.OpenRead(_path);

        var start = await LogTail.FindStartAsync(stream, lines, CancellationToken.None);

        Assert.Equal(expected, content[(int)start..]);
    }

    [Fact]
    public async Task FindStartAsync_LinesAcrossChunks_CountsEveryNewline()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("line ").Append(i).Append('\n');
        }

        File.WriteAllText(_path, builder.ToString());
        await using var stream = File.OpenRead(_path);

        var start = await LogTail.FindStartAsync(stream, 15_000, CancellationToken.None);

        Assert.StartsWith("line 5000\n", builder.ToString()[(int)start..], StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
