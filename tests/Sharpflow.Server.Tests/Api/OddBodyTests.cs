using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

/// <summary>Strange but well-formed bodies are answered with a 4xx Status, never a 500.</summary>
public sealed class OddBodyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Collection = "/api/v1/namespaces/default/configmaps";

    [Theory]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":null}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":"x"}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-a","labels":{"a":null}}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-b","labels":{"a":1}}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-c","finalizers":[null]}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-d","ownerReferences":[{}]}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-e","ownerReferences":[null]}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-f","generation":"abc"}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-g","creationTimestamp":"not a date"}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-h","annotations":{"":"x"}}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-i","labels":{"bad key!":"x"}}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-j"},"spec":"text"}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-k"},"status":5}""")]
    [InlineData("""{"apiVersion":"v1","kind":"","metadata":{"name":"odd-l"}}""")]
    [InlineData("""{"apiVersion":5,"kind":"ConfigMap","metadata":{"name":"odd-m"}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd-n","namespace":5}}""")]
    public async Task Create_OddBody_AnswersA4xxStatus(string body)
    {
        var response = await fixture.Http.ApiPostAsync(Collection, body);

        Assert.True((int)response.Code is >= 400 and < 500, $"{body}: {response}");
        response.ShouldFailWith((int)response.Code);
    }

    [Fact]
    public async Task Create_InvalidLabelsAndFinalizers_Answers422NamingEveryField()
    {
        const string body = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"labelled",
             "labels":{"bad key!":"x","ok":"not ok!"},"finalizers":["fine.example.com/x"," "]}}
            """;

        var status = (await fixture.Http.ApiPostAsync(Collection, body)).ShouldFailWith(422);

        Assert.Equal(
            ["metadata.finalizers[1]", "metadata.labels[bad key!]", "metadata.labels[ok]"],
            status.Details!.Causes!.Select(c => c.Field!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_WithServerFieldsSet_IgnoresThem()
    {
        var created = (await fixture.Http.ApiPostAsync(Collection, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"server-fields","resourceVersion":"xyz","uid":"mine","generation":7}}""")).ShouldSucceedWith(201).Resource();

        Assert.NotEqual("xyz", created.Metadata.ResourceVersion);
        Assert.NotEqual("mine", created.Metadata.Uid);
        Assert.Equal(1, created.Metadata.Generation);
    }

    [Fact]
    public async Task Create_VeryLongName_Answers422()
    {
        var status = (await fixture.Http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(new string('a', 300), "{}"))).ShouldFailWith(422);

        Assert.Contains("253", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DeeplyNestedJson_Answers400()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        (await fixture.Http.ApiPostAsync(Collection, $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":{{{nested}}}}""")).ShouldFailWith(400);
    }

    [Fact]
    public async Task Patch_WithOddValues_AnswersA4xxStatus()
    {
        var name = ServerFixture.UniqueName("odd");
        (await fixture.Http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201);

        foreach (var patch in new[] { """{"metadata":null}""", """{"metadata":{"labels":{"a":5}}}""", """{"kind":null}""", """{"metadata":{"uid":"other"}}""" })
        {
            var response = await fixture.Http.ApiPatchAsync($"{Collection}/{name}", patch);
            Assert.True((int)response.Code < 500, $"{patch}: {response}");
        }
    }
}
