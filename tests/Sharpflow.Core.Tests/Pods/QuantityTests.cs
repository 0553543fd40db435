using Sharpflow.Core.Pods;

namespace Sharpflow.Core.Tests.Pods;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("500m", 500)]
    [InlineData("2", 2000)]
    [InlineData("0.1", 100)]
    [InlineData("1.5", 1500)]
    [InlineData(".5", 500)]
    [InlineData("+1", 1000)]
    [InlineData("100n", 1)]
    [InlineData("250000u", 250)]
    [InlineData("1e-3", 1)]
    [InlineData("0", 0)]
    public void ToMilliValue_CpuQuantities_GivesMillicoresRoundedUp(string text, long millis)
    {
        Assert.Equal(millis, Quantity.Parse(text).ToMilliValue());
    }

    [Theory]
    [InlineData("512Mi", 536_870_912)]
    [InlineData("1Gi", 1_073_741_824)]
    [InlineData("1.5Gi", 1_610_612_736)]
    [InlineData("1G", 1_000_000_000)]
    [InlineData("128k", 128_000)]
    [InlineData("64Ki", 65_536)]
    [InlineData("2Ti", 2_199_023_255_552)]
    [InlineData("1E", 1_000_000_000_000_000_000)]
    [InlineData("1Ei", 1_152_921_504_606_846_976)]
    [InlineData("1e3", 1000)]
    [InlineData("12E-1", 2)]
    [InlineData("1e+2", 100)]
    [InlineData("1000", 1000)]
    [InlineData("0.5", 1)]
    public void ToInt64_MemoryQuantities_GivesBytesRoundedUp(string text, long bytes)
    {
        Assert.Equal(bytes, Quantity.Parse(text).ToInt64());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("Gi")]
    [InlineData("1Zi")]
    [InlineData("1 Gi")]
    [InlineData(" 1")]
    [InlineData("1K")]
    [InlineData("1e")]
    [InlineData("1e3.5")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1mi")]
    [InlineData("1e3m")]
    [InlineData("1e99")]
    public void TryParse_NotAQuantity_ReturnsFalse(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Quantity.Parse(text));
    }

    [Fact]
    public void Parse_NegativeQuantity_KeepsTheSign()
    {
        Assert.Equal(-1500, Quantity.Parse("-1.5").ToMilliValue());
    }

    [Fact]
    public void ToMilliValue_HugeQuantity_Saturates()
    {
        Assert.Equal(long.MaxValue, Quantity.Parse("8Ei").ToMilliValue());
    }
}
