using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;

namespace Sharpflow.Storage.Tests.Selectors;

public sealed class FieldSelectorTests
{
    private static readonly Resource Job = new()
    {
        ApiVersion = "kubeflow.org/v1",
        Kind = "PyTorchJob",
        Metadata = new ObjectMeta { Name = "train", Namespace = "team-a" },
    };

    [Theory]
    [InlineData("metadata.name=train", true)]
    [InlineData("metadata.name==train", true)]
    [InlineData("metadata.name!=train", false)]
    [InlineData("metadata.namespace=team-a", true)]
    [InlineData("metadata.namespace!=team-b", true)]
    [InlineData("metadata.name=train,metadata.namespace=team-b", false)]
    [InlineData(" metadata.name = train ", true)]
    [InlineData("", true)]
    public void Matches_Selector_ComparesNameAndNamespace(string selector, bool expected)
    {
        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(Job));
    }

    [Fact]
    public void Parse_EscapedComma_IsPartOfTheValue()
    {
        var selector = FieldSelector.Parse(@"metadata.name=a\,b,metadata.namespace!=x");

        Assert.Equal(2, selector.Requirements.Count);
        Assert.Equal("a,b", selector.Requirements[0].Value);
        Assert.Equal(SelectorOperator.NotEquals, selector.Requirements[1].Operator);
    }

    [Theory]
    [InlineData("metadata.uid=1", 0, "metadata.uid")]
    [InlineData("metadata.name", 0, "metadata.name")]
    [InlineData("metadata.name=a,spec.x=1", 16, "spec.x")]
    [InlineData("metadata.name!a", 13, "'!='")]
    [InlineData("metadata.name=a=b", 15, "escape")]
    public void Parse_Malformed_ThrowsBadRequestWithPosition(string selector, int position, string mentions)
    {
        var error = Assert.Throws<ResourceException>(() => FieldSelector.Parse(selector));

        Assert.Equal(400, error.Code);
        Assert.Contains($"\"{selector}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"at position {position}", error.Message, StringComparison.Ordinal);
    }
}
