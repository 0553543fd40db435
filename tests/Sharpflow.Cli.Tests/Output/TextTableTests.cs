using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Write_Rows_AlignsColumnsThreeSpacesApartWithoutBorders()
    {
        var (console, output) = Capture();

        new TextTable(["NAME", "STATUS", "AGE"])
            .Add("settings", "-", "5s")
            .Add("a-much-longer-name-than-the-terminal-would-like-to-see-in-one-column", "Ready", "3m")
            .Write(console.Ansi);

        var lines = Lines(output);
        Assert.True(lines.Length == 3, string.Join("|\n", lines));
        Assert.Matches("^NAME {67}STATUS   AGE$", lines[0]);
        Assert.Matches("^settings {63}-        5s$", lines[1]);
        Assert.EndsWith("Ready    3m", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithEarlierWidths_PrintsAlignedRowsWithoutHeader()
    {
        var (console, output) = Capture();
        var widths = new TextTable(["NAME", "AGE"]).Add("first", "1s").Write(console.Ansi);

        new TextTable(["NAME", "AGE"]).Add("x", "2s").Write(console.Ansi, widths);

        Assert.Equal(["NAME    AGE", "first   1s", "x       2s"], Lines(output));
    }

    private static (CliConsole Console, StringWriter Output) Capture()
    {
        var output = new StringWriter();
        return (new CliConsole(output, new StringWriter(), TextReader.Null), output);
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
}
