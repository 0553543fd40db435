using System.Text;
using Sharpflow.Runtime.Local.Logs;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class LogLineSplitterTests
{
    [Fact]
    public void Push_LinesSplitAcrossChunks_AreJoined()
    {
        var splitter = new LogLineSplitter();

        var first = splitter.Push("hel"u8.ToArray()).ToList();
        var second = splitter.Push("lo\r\nwor"u8.ToArray()).ToList();
        var third = splitter.Push("ld\n\n"u8.ToArray()).ToList();

        Assert.Empty(first);
        Assert.Equal(["hello"], second);
        Assert.Equal(["world", ""], third);
        Assert.Null(splitter.Flush());
    }

    [Fact]
    public void Push_MultibyteCharacterSplitAcrossChunks_DecodesWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("naïve ✓\n");
        var splitter = new LogLineSplitter();

        var lines = splitter.Push(bytes.AsMemory(0, 3)).Concat(splitter.Push(bytes.AsMemory(3))).ToList();

        Assert.Equal(["naïve ✓"], lines);
    }

    [Fact]
    public void Flush_UnfinishedLastLine_IsReturnedOnce()
    {
        var splitter = new LogLineSplitter();
        splitter.Push("partial"u8.ToArray());

        Assert.Equal("partial", splitter.Flush());
        Assert.Null(splitter.Flush());
    }
}
