using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Tests;

public class NamesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("my-run.v2")]
    [InlineData("0abc")]
    public void ValidateSubdomain_ValidName_ReturnsNull(string name) => Assert.Null(Names.ValidateSubdomain(name));

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("-start")]
    [InlineData("end-")]
    [InlineData("under_score")]
    public void ValidateSubdomain_InvalidName_SaysWhy(string name) => Assert.NotNull(Names.ValidateSubdomain(name));

    [Fact]
    public void ValidateLabel_Dots_AreInvalid() => Assert.NotNull(Names.ValidateLabel("a.b"));

    [Fact]
    public void ValidateLabel_TooLong_SaysTheLimit() =>
        Assert.Contains("63", Names.ValidateLabel(new string('a', 64)), StringComparison.Ordinal);
}
