using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Tests.Ir;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 15)]
    [InlineData(3, 45)]
    [InlineData(4, 60)]
    public void DelayBeforeRetry_Backoff_GrowsByFactorWithinTheWindow(int retry, double seconds)
    {
        var policy = new RetryPolicy { MaxRetryCount = 5, BackoffDuration = "5s", BackoffFactor = 3, BackoffMaxDuration = "60s" };

        Assert.Equal(TimeSpan.FromSeconds(seconds), policy.DelayBeforeRetry(retry));
    }

    [Fact]
    public void DelayBeforeRetry_UnsetFactorAndWindow_UseTwoAndOneHour()
    {
        var policy = new RetryPolicy { MaxRetryCount = 20, BackoffDuration = "1.5s" };

        Assert.Equal(TimeSpan.FromSeconds(6), policy.DelayBeforeRetry(3));
        Assert.Equal(TimeSpan.FromHours(1), policy.DelayBeforeRetry(20));
        Assert.Equal(TimeSpan.FromHours(1), policy.RetryWindow);
    }

    [Fact]
    public void RetryWindow_AboveOneHour_IsCapped() =>
        Assert.Equal(TimeSpan.FromHours(1), new RetryPolicy { BackoffMaxDuration = "7200s" }.RetryWindow);

    [Theory]
    [InlineData("0s", 0)]
    [InlineData("3600s", 3600)]
    [InlineData("0.25s", 0.25)]
    public void TryParse_ProtoDuration_IsSeconds(string text, double seconds)
    {
        Assert.True(ProtoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5m")]
    [InlineData("")]
    [InlineData("abcs")]
    public void TryParse_NotADuration_IsFalse(string text) => Assert.False(ProtoDuration.TryParse(text, out _));
}
