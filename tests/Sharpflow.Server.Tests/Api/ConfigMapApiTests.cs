using System.Net;
using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

public sealed class ConfigMapApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Collection = "/api/v1/namespaces/default/configmaps";

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Create_JsonBody_Returns201WithServerFields()
    {
        var name = ServerFixture.UniqueName("cm");
        var response = (await _http.ApiPostAsync(Collection, ConfigMap(name, """{"a":"1"}"""))).ShouldSucceedWith(201);
        var created = response.Resource();

        Assert.Equal(name, created.Metadata.Name);
        Assert.Equal("default", created.Metadata.Namespace);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.False(string.IsNullOrEmpty(created.Metadata.ResourceVersion));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal("1", response.Json()["data"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetListUpdatePatchDelete_ExistingConfigMap_FollowsEachChange()
    {
        var name = ServerFixture.UniqueName("cm");
        var created = (await _http.ApiPostAsync(Collection, ConfigMap(name, """{"a":"1"}""", """{"suite":"crud"}"""))).ShouldSucceedWith(201).Resource();

        var got = (await _http.ApiGetAsync($"{Collection}/{name}")).ShouldSucceedWith(200).Json();
        Assert.Equal("1", got["data"]!["a"]!.GetValue<string>());

        var listed = (await _http.ApiGetAsync($"{Collection}?fieldSelector=metadata.name={name}")).ShouldSucceedWith(200).List();
        Assert.Equal("ConfigMapList", listed.Kind);
        Assert.Equal("v1", listed.ApiVersion);
        Assert.False(string.IsNullOrEmpty(listed.Metadata.ResourceVersion));
        Assert.Equal(name, Assert.Single(listed.Items).Metadata.Name);

        var replaced = (await _http.ApiPutAsync(
            $"{Collection}/{name}",
            ConfigMap(name, """{"a":"2"}""", """{"suite":"crud"}""", created.Metadata.ResourceVersion))).ShouldSucceedWith(200).Json();
        Assert.Equal("2", replaced["data"]!["a"]!.GetValue<string>());
        Assert.NotEqual(created.Metadata.ResourceVersion, replaced["metadata"]!["resourceVersion"]!.GetValue<string>());

        var patched = (await _http.ApiPatchAsync($"{Collection}/{name}", """{"data":{"a":null,"b":"3"},"metadata":{"labels":{"patched":"yes"}}}""")).ShouldSucceedWith(200).Json();
        Assert.Null(patched["data"]!["a"]);
        Assert.Equal("3", patched["data"]!["b"]!.GetValue<string>());
        Assert.Equal("crud", patched["metadata"]!["labels"]!["suite"]!.GetValue<string>());
        Assert.Equal("yes", patched["metadata"]!["labels"]!["patched"]!.GetValue<string>());

        var deleted = (await _http.ApiDeleteAsync($"{Collection}/{name}")).ShouldSucceedWith(200).Json();
        Assert.Equal("3", deleted["data"]!["b"]!.GetValue<string>());
        (await _http.ApiGetAsync($"{Collection}/{name}")).ShouldFailWith(404);
    }

    [Fact]
    public async Task Create_YamlBody_IsReadAndAnsweredInYamlWhenAsked()
    {
        var name = ServerFixture.UniqueName("cm");
        var yaml = $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {name}
              labels:
                format: yaml
            data:
              greeting: hello
              count: "3"
            """;
        (await _http.ApiPostAsync(Collection, yaml, "application/yaml")).ShouldSucceedWith(201);

        var response = await _http.ApiGetAsync($"{Collection}/{name}", accept: "application/yaml");

        Assert.Equal(HttpStatusCode.OK, response.Code);
        Assert.Equal("application/yaml", response.ContentType);
        var document = Sharpflow.Api.Serialization.ResourceYaml.ParseObject(response.Body);
        Assert.Equal("ConfigMap", document["kind"]!.GetValue<string>());
        Assert.Equal("hello", document["data"]!["greeting"]!.GetValue<string>());
        Assert.Equal("3", document["data"]!["count"]!.GetValue<string>());
        Assert.Equal("yaml", document["metadata"]!["labels"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_YamlMergePatch_IsAppliedLikeJson()
    {
        var name = ServerFixture.UniqueName("cm");
        (await _http.ApiPostAsync(Collection, ConfigMap(name, """{"a":"1","b":"2"}"""))).ShouldSucceedWith(201);

        var patched = (await _http.ApiPatchAsync($"{Collection}/{name}", "data:\n  a: changed\n  b: null\n", "application/yaml")).ShouldSucceedWith(200).Json();

        Assert.Equal("""{"a":"changed"}""", patched["data"]!.ToJsonString());
    }

    [Fact]
    public async Task List_AsYaml_IsAYamlList()
    {
        var response = await _http.ApiGetAsync($"{Collection}?limit=1", accept: "application/yaml");

        Assert.Equal(HttpStatusCode.OK, response.Code);
        var list = Sharpflow.Api.Serialization.ResourceYaml.ParseObject(response.Body);
        Assert.Equal("ConfigMapList", list["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughEveryMatchingObject()
    {
        var suite = ServerFixture.UniqueName("page");
        var names = Enumerable.Range(0, 5).Select(i => $"{suite}-{i}").ToList();
        foreach (var name in names)
        {
            (await _http.ApiPostAsync(Collection, ConfigMap(name, "{}", $$"""{"suite":"{{suite}}"}"""))).ShouldSucceedWith(201);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = $"{Collection}?labelSelector=suite%3D{suite}&limit=2" + (token is null ? string.Empty : $"&continue={Uri.EscapeDataString(token)}");
            var page = (await _http.ApiGetAsync(path)).ShouldSucceedWith(200).List();
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.Metadata.Name!));
            token = page.Metadata.Continue;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(names, seen.Order(StringComparer.Ordinal));
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_AllNamespaces_IncludesObjectsOfEveryNamespace()
    {
        var ns = ServerFixture.UniqueName("ns");
        var suite = ServerFixture.UniqueName("all");
        (await _http.ApiPostAsync("/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""")).ShouldSucceedWith(201);
        (await _http.ApiPostAsync(Collection, ConfigMap($"{suite}-a", "{}", $$"""{"suite":"{{suite}}"}"""))).ShouldSucceedWith(201);
        (await _http.ApiPostAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap($"{suite}-b", "{}", $$"""{"suite":"{{suite}}"}"""))).ShouldSucceedWith(201);

        var all = (await _http.ApiGetAsync($"/api/v1/configmaps?labelSelector=suite={suite}")).ShouldSucceedWith(200).List();

        Assert.Equal(["default", ns], all.Items.Select(i => i.Metadata.Namespace!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_OnAllNamespacesUrl_UsesTheBodysNamespace()
    {
        var ns = ServerFixture.UniqueName("ns");
        (await _http.ApiPostAsync("/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""")).ShouldSucceedWith(201);
        var name = ServerFixture.UniqueName("cm");

        var created = (await _http.ApiPostAsync("/api/v1/configmaps", ConfigMap(name, "{}", ns: ns))).ShouldSucceedWith(201).Resource();

        Assert.Equal(ns, created.Metadata.Namespace);
        (await _http.ApiGetAsync($"/api/v1/namespaces/{ns}/configmaps/{name}")).ShouldSucceedWith(200);
    }

    [Fact]
    public async Task Delete_ObjectWithFinalizer_MarksItUntilTheFinalizerIsRemoved()
    {
        var name = ServerFixture.UniqueName("cm");
        (await _http.ApiPostAsync(Collection, $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","finalizers":["test.sharpflow.io/hold"]}}""")).ShouldSucceedWith(201);

        var marked = (await _http.ApiDeleteAsync($"{Collection}/{name}")).ShouldSucceedWith(200).Resource();
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.NotNull((await _http.ApiGetAsync($"{Collection}/{name}")).ShouldSucceedWith(200).Resource().Metadata.DeletionTimestamp);

        (await _http.ApiPatchAsync($"{Collection}/{name}", """{"metadata":{"finalizers":null}}""")).ShouldSucceedWith(200);

        (await _http.ApiGetAsync($"{Collection}/{name}")).ShouldFailWith(404);
    }

    [Fact]
    public async Task Delete_Owner_CascadesToOwnedObjects()
    {
        var owner = (await _http.ApiPostAsync(Collection, ConfigMap(ServerFixture.UniqueName("owner"), "{}"))).ShouldSucceedWith(201).Resource();
        var child = ServerFixture.UniqueName("child");
        (await _http.ApiPostAsync(Collection, OwnedConfigMap(child, owner.Metadata.Name!, owner.Metadata.Uid!))).ShouldSucceedWith(201);

        (await _http.ApiDeleteAsync($"{Collection}/{owner.Metadata.Name}")).ShouldSucceedWith(200);

        await Sharpflow.Testing.TestWait.UntilAsync(
            async () => (await _http.ApiGetAsync($"{Collection}/{child}")).Code == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(10),
            "deletion of the owned ConfigMap");
    }

    [Fact]
    public async Task Delete_OwnerWithOrphanPolicy_KeepsOwnedObjectsWithoutTheReference()
    {
        var owner = (await _http.ApiPostAsync(Collection, ConfigMap(ServerFixture.UniqueName("owner"), "{}"))).ShouldSucceedWith(201).Resource();
        var child = ServerFixture.UniqueName("child");
        (await _http.ApiPostAsync(Collection, OwnedConfigMap(child, owner.Metadata.Name!, owner.Metadata.Uid!))).ShouldSucceedWith(201);

        (await _http.ApiDeleteAsync($"{Collection}/{owner.Metadata.Name}?propagationPolicy=Orphan")).ShouldSucceedWith(200);

        var orphan = (await _http.ApiGetAsync($"{Collection}/{child}")).ShouldSucceedWith(200).Resource();
        Assert.True(orphan.Metadata.OwnerReferences is null or { Count: 0 });
    }

    internal static string ConfigMap(string name, string data, string labels = "{}", string? resourceVersion = null, string? ns = null) =>
        $$"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{name}}","labels":{{labels}}{{(resourceVersion is null ? "" : $",\"resourceVersion\":\"{resourceVersion}\"")}}{{(ns is null ? "" : $",\"namespace\":\"{ns}\"")}}},"data":{{data}}}
        """;

    private static string OwnedConfigMap(string name, string owner, string uid) =>
        $$$"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"{{{owner}}}","uid":"{{{uid}}}"}]}}
        """;
}
