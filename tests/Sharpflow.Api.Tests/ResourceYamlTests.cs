using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Api.Tests;

public class ResourceYamlTests
{
    [Fact]
    public void ParseDocuments_MultiDocument_ReadsEveryNonEmptyDocument()
    {
        const string yaml = """
            # leading comment
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            ---
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b
            """;

        var documents = ResourceYaml.ParseDocuments(yaml);

        Assert.Equal(["a", "b"], documents.Select(d => d["metadata"]!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("v: 12", 12L)]
    [InlineData("v: -3", -3L)]
    [InlineData("v: 0x1f", 31L)]
    public void ParseDocuments_PlainIntegers_BecomeNumbers(string yaml, long expected) =>
        Assert.Equal(expected, ResourceYaml.ParseObject(yaml)["v"]!.GetValue<long>());

    [Fact]
    public void ParseDocuments_CoreSchemaScalars_ResolveLikeKubernetes()
    {
        var doc = ResourceYaml.ParseObject("""
            a: true
            b: False
            c: ~
            d: 1.5
            e: "12"
            f: '3'
            g: hello world
            h: .inf
            i: |
              line one
              line two
            """);

        Assert.True(doc["a"]!.GetValue<bool>());
        Assert.False(doc["b"]!.GetValue<bool>());
        Assert.Null(doc["c"]);
        Assert.Equal(1.5, doc["d"]!.GetValue<double>());
        Assert.Equal("12", doc["e"]!.GetValue<string>());
        Assert.Equal("3", doc["f"]!.GetValue<string>());
        Assert.Equal("hello world", doc["g"]!.GetValue<string>());
        Assert.Equal(".inf", doc["h"]!.GetValue<string>());
        Assert.Equal("line one\nline two", doc["i"]!.GetValue<string>());
    }

    [Fact]
    public void ParseDocuments_MalformedYaml_NamesLineAndColumn()
    {
        var error = Assert.Throws<ResourceException>(() => ResourceYaml.ParseDocuments("metadata:\n  name: a\n bad: [\n"));

        Assert.Equal(400, error.Code);
        Assert.Matches(@"line \d+, column \d+", error.Message);
    }

    [Fact]
    public void ParseDocuments_DuplicateKey_IsRejectedWithItsName()
    {
        var error = Assert.Throws<ResourceException>(() => ResourceYaml.ParseDocuments("a: 1\na: 2\n"));

        Assert.Contains("duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDocuments_ScalarDocument_IsRejected()
    {
        var error = Assert.Throws<ResourceException>(() => ResourceYaml.ParseDocuments("just text"));

        Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_StringsThatLookLikeOtherTypes_AreQuotedAndRoundTrip()
    {
        var original = new JsonObject
        {
            ["flag"] = "true",
            ["number"] = "0012",
            ["empty"] = string.Empty,
            ["nothing"] = "null",
            ["multi"] = "a\nb\n",
            ["real"] = 2.5,
            ["list"] = new JsonArray(1, "two", false),
            ["map"] = new JsonObject(),
        };

        var yaml = ResourceYaml.Serialize(original);
        var parsed = ResourceYaml.ParseObject(yaml);

        Assert.True(JsonNode.DeepEquals(original, parsed), yaml);
    }

    [Fact]
    public void ToResource_MissingKind_NamesTheField()
    {
        var error = Assert.Throws<ResourceException>(() => ResourceYaml.ToResource(ResourceYaml.ParseObject("apiVersion: v1\nmetadata: {name: a}")));

        Assert.Equal("kind", error.Status.Details?.Causes?[0].Field);
    }

    [Fact]
    public void ToResource_WrongFieldType_NamesThePath()
    {
        var document = ResourceYaml.ParseObject("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: [x]\n");

        var error = Assert.Throws<ResourceException>(() => ResourceYaml.ToResource(document));

        Assert.Contains("metadata.labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToResource_ExtraTopLevelFields_AreKept()
    {
        var resource = ResourceYaml.ToResource(ResourceYaml.ParseObject("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"));

        var yaml = ResourceYaml.Serialize(resource);

        Assert.Contains("data:", yaml, StringComparison.Ordinal);
        Assert.Equal(string.Empty, resource.Group);
        Assert.Equal("v1", resource.Version);
    }
}
