using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

/// <summary>Every mistake a client can make is answered with a Status naming the problem, never a 500.</summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Collection = "/api/v1/namespaces/default/configmaps";

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Create_MalformedYaml_Answers400WithLineAndColumn()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n";

        var status = (await _http.ApiPostAsync(Collection, yaml, "application/yaml")).ShouldFailWith(400);

        Assert.Matches(@"line \d+, column \d+", status.Message);
        Assert.Contains("YAML", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SeveralYamlDocuments_Answers400()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n";

        var status = (await _http.ApiPostAsync(Collection, yaml, "application/yaml")).ShouldFailWith(400);

        Assert.Contains("found 2", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MalformedJson_Answers400WithLineAndColumn()
    {
        const string json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": ConfigMap\n}";

        var status = (await _http.ApiPostAsync(Collection, json)).ShouldFailWith(400);

        Assert.Contains("malformed JSON at line 3, column 11", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateJsonProperty_Answers400()
    {
        var status = (await _http.ApiPostAsync(Collection, """{"apiVersion":"v1","apiVersion":"v2","kind":"ConfigMap"}""")).ShouldFailWith(400);

        Assert.Contains("malformed JSON", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_EmptyBody_Answers400(string body)
    {
        var status = (await _http.ApiPostAsync(Collection, body)).ShouldFailWith(400);

        Assert.Contains("empty", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("42", "42")]
    public async Task Create_BodyNotAnObject_Answers400(string body, string described)
    {
        var status = (await _http.ApiPostAsync(Collection, body)).ShouldFailWith(400);

        Assert.Contains(described, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingApiVersion_Answers400NamingIt()
    {
        var status = (await _http.ApiPostAsync(Collection, """{"kind":"ConfigMap","metadata":{"name":"x"}}""")).ShouldFailWith(400);

        Assert.Contains("apiVersion", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_FieldOfTheWrongType_Answers400NamingTheField()
    {
        var status = (await _http.ApiPostAsync(Collection, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","labels":5}}""")).ShouldFailWith(400);

        Assert.Contains("metadata.labels", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPlural_Answers404NamingTheKind()
    {
        var status = (await _http.ApiGetAsync("/apis/test.sharpflow.io/v1/namespaces/default/frobnicators")).ShouldFailWith(404);

        Assert.Equal("NotFound", status.Reason);
        Assert.Contains("the server could not find the requested resource (kind \"frobnicators\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_KnownPluralAtTheWrongVersion_Answers404PointingAtTheRightOne()
    {
        var status = (await _http.ApiGetAsync("/apis/test.sharpflow.io/v9/namespaces/default/widgets")).ShouldFailWith(404);

        Assert.Contains("/apis/test.sharpflow.io/v1/widgets", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("-leading-dash")]
    [InlineData("UPPER")]
    public async Task Create_InvalidName_Answers422NamingMetadataName(string name)
    {
        var status = (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldFailWith(422);

        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("metadata.name", Assert.Single(status.Details!.Causes!).Field);
    }

    [Fact]
    public async Task Create_NamespaceWithDotInName_Answers422()
    {
        var status = (await _http.ApiPostAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a.b"}}""")).ShouldFailWith(422);

        Assert.Equal("metadata.name", Assert.Single(status.Details!.Causes!).Field);
    }

    [Fact]
    public async Task Create_WithoutNameOrGenerateName_Answers422()
    {
        var status = (await _http.ApiPostAsync(Collection, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}""")).ShouldFailWith(422);

        Assert.Equal("metadata.name", Assert.Single(status.Details!.Causes!).Field);
    }

    [Fact]
    public async Task Create_WithGenerateName_GetsAGeneratedName()
    {
        var created = (await _http.ApiPostAsync(Collection, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"gen-"}}""")).ShouldSucceedWith(201).Resource();

        Assert.StartsWith("gen-", created.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Twice_Answers409AlreadyExists()
    {
        var name = ServerFixture.UniqueName("cm");
        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201);

        var status = (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldFailWith(409);

        Assert.Equal("AlreadyExists", status.Reason);
    }

    [Fact]
    public async Task Update_StaleResourceVersion_Answers409Conflict()
    {
        var name = ServerFixture.UniqueName("cm");
        var created = (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201).Resource();
        (await _http.ApiPutAsync($"{Collection}/{name}", ConfigMapApiTests.ConfigMap(name, """{"v":"2"}""", resourceVersion: created.Metadata.ResourceVersion))).ShouldSucceedWith(200);

        var status = (await _http.ApiPutAsync($"{Collection}/{name}", ConfigMapApiTests.ConfigMap(name, """{"v":"3"}""", resourceVersion: created.Metadata.ResourceVersion))).ShouldFailWith(409);

        Assert.Equal("Conflict", status.Reason);
    }

    [Fact]
    public async Task Patch_WithStaleResourceVersion_Answers409Conflict()
    {
        var name = ServerFixture.UniqueName("cm");
        var created = (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201).Resource();
        (await _http.ApiPatchAsync($"{Collection}/{name}", """{"data":{"v":"2"}}""")).ShouldSucceedWith(200);

        var status = (await _http.ApiPatchAsync($"{Collection}/{name}", $$$"""{"metadata":{"resourceVersion":"{{{created.Metadata.ResourceVersion}}}"},"data":{"v":"3"}}""")).ShouldFailWith(409);

        Assert.Equal("Conflict", status.Reason);
    }

    [Fact]
    public async Task Create_InUnknownNamespace_Answers404NamingTheNamespaceAndTheFix()
    {
        var status = (await _http.ApiPostAsync("/api/v1/namespaces/nowhere/configmaps", ConfigMapApiTests.ConfigMap("x", "{}"))).ShouldFailWith(404);

        Assert.Contains("namespaces \"nowhere\" not found", status.Message, StringComparison.Ordinal);
        Assert.Contains("sharpflow create namespace nowhere", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_KindNotMatchingTheUrl_Answers400()
    {
        var status = (await _http.ApiPostAsync(Collection, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"}}""")).ShouldFailWith(400);

        Assert.Contains("\"Pod\"", status.Message, StringComparison.Ordinal);
        Assert.Contains("\"ConfigMap\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ApiVersionNotMatchingTheUrl_Answers400()
    {
        var status = (await _http.ApiPostAsync(Collection, """{"apiVersion":"v2","kind":"ConfigMap","metadata":{"name":"x"}}""")).ShouldFailWith(400);

        Assert.Contains("apiVersion \"v2\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NamespaceNotMatchingTheUrl_Answers400()
    {
        var status = (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap("x", "{}", ns: "elsewhere"))).ShouldFailWith(400);

        Assert.Contains("metadata.namespace \"elsewhere\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_NameNotMatchingTheUrl_Answers400()
    {
        var name = ServerFixture.UniqueName("cm");
        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201);

        var status = (await _http.ApiPutAsync($"{Collection}/{name}", ConfigMapApiTests.ConfigMap("other", "{}"))).ShouldFailWith(400);

        Assert.Contains("metadata.name \"other\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_MissingObject_Answers404()
    {
        (await _http.ApiPutAsync($"{Collection}/never-created", ConfigMapApiTests.ConfigMap("never-created", "{}"))).ShouldFailWith(404);
    }

    [Fact]
    public async Task Delete_WithStalePrecondition_Answers409AndKeepsTheObject()
    {
        var name = ServerFixture.UniqueName("cm");
        var created = (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201).Resource();
        (await _http.ApiPatchAsync($"{Collection}/{name}", """{"data":{"v":"2"}}""")).ShouldSucceedWith(200);

        var stale = $$$"""{"propagationPolicy":"Background","preconditions":{"resourceVersion":"{{{created.Metadata.ResourceVersion}}}"}}""";
        (await _http.SendAsync(HttpMethod.Delete, $"{Collection}/{name}", stale)).ShouldFailWith(409);

        (await _http.ApiGetAsync($"{Collection}/{name}")).ShouldSucceedWith(200);
    }

    [Fact]
    public async Task Patch_MissingObject_Answers404()
    {
        var status = (await _http.ApiPatchAsync($"{Collection}/does-not-exist", """{"data":{"a":"1"}}""")).ShouldFailWith(404);

        Assert.Contains("does-not-exist", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_RenamingTheObject_Answers400()
    {
        var name = ServerFixture.UniqueName("cm");
        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201);

        (await _http.ApiPatchAsync($"{Collection}/{name}", """{"metadata":{"name":"renamed"}}""")).ShouldFailWith(400);
    }

    [Theory]
    [InlineData("application/json-patch+json")]
    [InlineData("application/strategic-merge-patch+json")]
    public async Task Patch_UnsupportedPatchType_Answers415(string contentType)
    {
        var status = (await _http.ApiPatchAsync($"{Collection}/anything", "[]", contentType)).ShouldFailWith(415);

        Assert.Contains("merge-patch", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnsupportedContentType_Answers415()
    {
        (await _http.ApiPostAsync(Collection, "name=x", "text/plain")).ShouldFailWith(415);
    }

    [Fact]
    public async Task Get_MissingObject_Answers404NotFound()
    {
        var status = (await _http.ApiGetAsync($"{Collection}/nothing-here")).ShouldFailWith(404);

        Assert.Equal("NotFound", status.Reason);
        Assert.Contains("\"nothing-here\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_MissingObject_Answers404()
    {
        (await _http.ApiDeleteAsync($"{Collection}/nothing-here")).ShouldFailWith(404);
    }

    [Fact]
    public async Task Delete_DefaultNamespace_Answers403()
    {
        (await _http.ApiDeleteAsync("/api/v1/namespaces/default")).ShouldFailWith(403);

        (await _http.ApiGetAsync("/api/v1/namespaces/default")).ShouldSucceedWith(200);
    }

    [Fact]
    public async Task Delete_UnknownPropagationPolicy_Answers400()
    {
        var status = (await _http.ApiDeleteAsync($"{Collection}/x?propagationPolicy=Sideways")).ShouldFailWith(400);

        Assert.Contains("Sideways", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?labelSelector=a%20in%20(", "label selector")]
    [InlineData("?fieldSelector=spec.x=1", "field selector")]
    [InlineData("?watch=maybe", "watch")]
    public async Task List_BadQuery_Answers400NamingTheParameter(string query, string named)
    {
        var status = (await _http.ApiGetAsync(Collection + query)).ShouldFailWith(400);

        Assert.Contains(named, status.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Watch_ResourceVersionNotIssuedByTheServer_Answers400()
    {
        (await _http.ApiGetAsync($"{Collection}?watch=true&resourceVersion=abc")).ShouldFailWith(400);
    }

    [Fact]
    public async Task Post_ToAnObjectUrl_Answers405()
    {
        (await _http.ApiPostAsync($"{Collection}/x", ConfigMapApiTests.ConfigMap("x", "{}"))).ShouldFailWith(405);
    }

    [Theory]
    [InlineData("/apis/test.sharpflow.io/v1")]
    [InlineData("/api/v1/namespaces/default/configmaps/a/b/c")]
    [InlineData("/api/v1/namespaces/default/configmaps/a/scale")]
    [InlineData("/api/v1/configmaps/a")]
    [InlineData("/api/v1/namespaces/default/namespaces")]
    [InlineData("/apis")]
    public async Task Get_PathsThatNameNothing_Answer404Status(string path)
    {
        (await _http.ApiGetAsync(path)).ShouldFailWith(404);
    }
}
