using Microsoft.Extensions.Time.Testing;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Tests.Output;

public sealed class AgeTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(200, "3m20s")]
    [InlineData(12 * 60, "12m")]
    [InlineData(179 * 60, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(5 * 3600 + 15 * 60 + 9, "5h15m")]
    [InlineData(2 * 3600 + 15 * 60, "135m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(4 * 86400, "4d")]
    [InlineData(4 * 86400 + 6 * 3600, "4d6h")]
    [InlineData(40 * 86400, "40d")]
    [InlineData(3 * 365 * 86400 + 20 * 86400, "3y20d")]
    [InlineData(9 * 365 * 86400, "9y")]
    public void Format_Duration_PrintsLikeKubectl(long seconds, string expected) =>
        Assert.Equal(expected, Age.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Format_FutureBeyondClockSkew_IsInvalid() =>
        Assert.Equal("<invalid>", Age.Format(TimeSpan.FromSeconds(-5)));

    [Fact]
    public void Since_UsesTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var created = clock.GetUtcNow() - TimeSpan.FromMinutes(3);

        Assert.Equal("3m", Age.Since(created, clock));
        clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal("4h3m", Age.Since(created, clock));
        Assert.Equal("<unknown>", Age.Since(null, clock));
    }
}
