using System.Text.Json.Nodes;
using Sharpflow.Server.Resources;
using Xunit;

namespace Sharpflow.Server.Tests.Resources;

public sealed class MergePatchTests
{
    /// <summary>The test cases of RFC 7386, Appendix A.</summary>
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_Rfc7386Examples_GiveTheRfcResults(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"got {result?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void Apply_NestedObject_KeepsTheOrderOfExistingKeys()
    {
        var result = MergePatch.Apply(JsonNode.Parse("""{"a":1,"b":{"x":1,"y":2},"c":3}"""), JsonNode.Parse("""{"b":{"x":5}}"""));

        Assert.Equal("""{"a":1,"b":{"x":5,"y":2},"c":3}""", result!.ToJsonString());
    }

    [Fact]
    public void Apply_PatchValues_AreCopiedNotMoved()
    {
        var patch = JsonNode.Parse("""{"a":{"b":[1,2]}}""");

        var first = MergePatch.Apply(new JsonObject(), patch);
        var second = MergePatch.Apply(new JsonObject(), patch);

        Assert.True(JsonNode.DeepEquals(first, second));
        Assert.Equal("""{"a":{"b":[1,2]}}""", patch!.ToJsonString());
    }
}
