using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Tests.Values;

public class GoFloatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(7.5, "7.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(123456789.0, "123456789")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(9007199254740993.0, "9007199254740992")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void FormatFixed_Value_MatchesGoFormatFloatF(double value, string expected) =>
        Assert.Equal(expected, GoFloat.FormatFixed(value));

    [Theory]
    [InlineData(100000.0, "100000")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.0, "0")]
    public void FormatGeneral_Value_MatchesGoPercentG(double value, string expected) =>
        Assert.Equal(expected, GoFloat.FormatGeneral(value));

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(-1.25e-10, "-1.25e-10")]
    public void FormatJson_Value_MatchesGoEncodingJson(double value, string expected) =>
        Assert.Equal(expected, GoFloat.FormatJson(value));
}
