using Sharpflow.Runtime.Local.Processes;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class ProcStatTests
{
    [Fact]
    public void Parse_NameWithSpacesAndParentheses_ReadsFieldsAfterIt()
    {
        var line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 100 0";

        var stat = ProcStat.Parse(4242, line);

        Assert.Equal(new ProcStat(4242, 'S', 1, 4242, 4242, 987654), stat);
        Assert.False(stat!.Value.HasExited);
    }

    [Fact]
    public void Parse_Zombie_HasExited()
    {
        var stat = ProcStat.Parse(7, "7 (sh) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 55 0 0 0");

        Assert.True(stat!.Value.HasExited);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 (truncated")]
    [InlineData("12 (sh) S 1 x 12")]
    public void Parse_Malformed_ReturnsNull(string line) => Assert.Null(ProcStat.Parse(12, line));

    [Fact]
    public void TryRead_ThisProcess_MatchesItsOwnGroup()
    {
        var stat = ProcFs.TryRead(Environment.ProcessId);

        Assert.NotNull(stat);
        Assert.True(ProcFs.Exists(Environment.ProcessId, stat.Value.StartTime));
        Assert.False(ProcFs.Exists(Environment.ProcessId, stat.Value.StartTime + 1));
        Assert.Contains(Environment.ProcessId, ProcFs.ListGroup(stat.Value.ProcessGroupId));
    }
}
