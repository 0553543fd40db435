using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Write_Rows_AlignsColumnsThreeSpacesApartWithoutBorders()
    {
        var output = new StringWriter();

        new TextTable(["NAME", "STATUS", "AGE"])
            .Add("settings", "-", "5s")
            .Add("a-much-longer-name-than-the-terminal-would-like-to-see-in-one-column", "Ready", "3m")
            .Write(output);

        var lines = Lines(output);
        Assert.True(lines.Length == 3, string.Join("|\n", lines));
        Assert.Matches("^NAME {67}STATUS   AGE$", lines[0]);
        Assert.Matches("^settings {63}-        5s$", lines[1]);
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
        Assert.EndsWith("Ready    3m", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithEarlierWidths_PrintsAlignedRowsWithoutHeader()
    {
        var output = new StringWriter();
        var widths = new TextTable(["NAME", "AGE"]).Add("first", "1s").Write(output);

        new TextTable(["NAME", "AGE"]).Add("x", "2s").Write(output, widths);

        Assert.Equal(["NAME    AGE", "first   1s", "x       2s"], Lines(output));
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
