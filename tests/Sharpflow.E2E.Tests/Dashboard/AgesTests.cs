using Sharpflow.Dashboard.Model;
using Xunit;

namespace Sharpflow.E2E.Tests.Dashboard;

public sealed class AgesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(125, "2m5s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 20 * 60, "3h20m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(40 * 86400, "40d")]
    [InlineData(800 * 86400, "2y")]
    public void Format_Age_AsKubectlPrintsIt(int seconds, string expected)
    {
        Assert.Equal(expected, Ages.Format(Now.AddSeconds(-seconds), Now));
    }

    [Fact]
    public void Format_ClockSkewIntoTheFuture_IsZero()
    {
        Assert.Equal("0s", Ages.Format(Now.AddSeconds(5), Now));
    }

    [Fact]
    public void Format_Unknown_IsADash()
    {
        Assert.Equal("—", Ages.Format(null, Now));
    }
}
