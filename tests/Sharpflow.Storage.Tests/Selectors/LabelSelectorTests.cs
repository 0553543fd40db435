using Sharpflow.Api.Errors;
using Sharpflow.Api.Selectors;

namespace Sharpflow.Storage.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Web = new() { ["app"] = "web", ["tier"] = "front", ["example.com/team"] = "ml" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (db,web)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("app notin (web,db)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("tier", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!tier", false)]
    [InlineData("app=web,tier=front,!missing", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("example.com/team=ml", true)]
    [InlineData("  app = web ,  tier in ( front , back ) ", true)]
    [InlineData("", true)]
    public void Matches_Selector_AgreesWithKubernetes(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Web));
    }

    [Fact]
    public void Matches_NullLabels_OnlyNegativeRequirementsHold()
    {
        Assert.True(LabelSelector.Parse("!a,b!=c,d notin (e)").Matches(null));
        Assert.False(LabelSelector.Parse("a").Matches(null));
        Assert.False(LabelSelector.Parse("a in (b)").Matches(null));
    }

    [Fact]
    public void Parse_EmptyValue_MatchesEmptyLabel()
    {
        var selector = LabelSelector.Parse("flag=");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["flag"] = string.Empty }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["flag"] = "on" }));
    }

    [Fact]
    public void Parse_Requirements_AreExposedInOrder()
    {
        var selector = LabelSelector.Parse("a=1,b in (x,y),!c");

        Assert.Equal(
            [(SelectorOperator.Equals, "a"), (SelectorOperator.In, "b"), (SelectorOperator.DoesNotExist, "c")],
            selector.Requirements.Select(r => (r.Operator, r.Key)));
        Assert.Equal(["x", "y"], selector.Requirements[1].Values);
        Assert.Equal("a=1,b in (x,y),!c", selector.ToString());
    }

    [Theory]
    [InlineData("app in web", 7)]
    [InlineData("app in ()", 8)]
    [InlineData("app in (a b)", 10)]
    [InlineData("app=web,", 8)]
    [InlineData("=web", 0)]
    [InlineData("app web", 4)]
    [InlineData("app=(web)", 4)]
    [InlineData("app=web)", 7)]
    [InlineData("Bad Key=1", 4)]
    [InlineData("-bad=1", 0)]
    [InlineData("app=-x", 4)]
    [InlineData("!", 1)]
    public void Parse_Malformed_ThrowsBadRequestWithSelectorAndPosition(string selector, int position)
    {
        var error = Assert.Throws<ResourceException>(() => LabelSelector.Parse(selector));

        Assert.Equal(400, error.Code);
        Assert.Contains($"\"{selector}\"", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"at position {position}", error.Message, StringComparison.Ordinal);
        Assert.Equal("labelSelector", error.Status.Details!.Causes![0].Field);
    }

    [Fact]
    public void Parse_TooLongValue_NamesTheValue()
    {
        var value = new string('v', 64);

        var error = Assert.Throws<ResourceException>(() => LabelSelector.Parse($"a={value}"));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
