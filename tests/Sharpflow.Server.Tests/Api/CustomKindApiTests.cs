using Sharpflow.Server.Tests.Infrastructure;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

public sealed class CustomKindApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Widgets = "/apis/test.sharpflow.io/v1/namespaces/default/widgets";

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Create_WithStatus_DropsStatusBecauseItIsASubresource()
    {
        var name = ServerFixture.UniqueName("w");

        var created = (await _http.ApiPostAsync(Widgets, Widget(name, 1, status: """{"phase":"Made"}"""))).ShouldSucceedWith(201).Resource();

        Assert.Null(created.Status);
        Assert.Equal(1, created.Metadata.Generation);
    }

    [Fact]
    public async Task PutStatus_ChangesOnlyStatus_AndSpecChangesBumpGeneration()
    {
        var name = ServerFixture.UniqueName("w");
        (await _http.ApiPostAsync(Widgets, Widget(name, 1))).ShouldSucceedWith(201);

        var withStatus = (await _http.ApiPutAsync($"{Widgets}/{name}/status", Widget(name, 99, status: """{"phase":"Ready"}"""))).ShouldSucceedWith(200).Json();
        Assert.Equal("Ready", withStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(1, withStatus["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(1, withStatus["metadata"]!["generation"]!.GetValue<long>());

        var respec = (await _http.ApiPutAsync($"{Widgets}/{name}", Widget(name, 2, status: """{"phase":"Ignored"}"""))).ShouldSucceedWith(200).Json();
        Assert.Equal(2, respec["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("Ready", respec["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, respec["metadata"]!["generation"]!.GetValue<long>());

        var patchedStatus = (await _http.ApiPatchAsync($"{Widgets}/{name}/status", """{"status":{"ready":true}}""")).ShouldSucceedWith(200).Json();
        Assert.Equal("Ready", patchedStatus["status"]!["phase"]!.GetValue<string>());
        Assert.True(patchedStatus["status"]!["ready"]!.GetValue<bool>());

        var got = (await _http.ApiGetAsync($"{Widgets}/{name}/status")).ShouldSucceedWith(200).Json();
        Assert.True(got["status"]!["ready"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_ValidatorRejects_Answers422WithTheCause()
    {
        var status = (await _http.ApiPostAsync(Widgets, Widget(ServerFixture.UniqueName("w"), -3))).ShouldFailWith(422);

        Assert.Equal("Invalid", status.Reason);
        var cause = Assert.Single(status.Details!.Causes!);
        Assert.Equal("spec.size", cause.Field);
        Assert.Contains("-3", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_ValidatorRejectsTheResult_Answers422AndKeepsTheObject()
    {
        var name = ServerFixture.UniqueName("w");
        (await _http.ApiPostAsync(Widgets, Widget(name, 4))).ShouldSucceedWith(201);

        (await _http.ApiPatchAsync($"{Widgets}/{name}", """{"spec":{"size":-1}}""")).ShouldFailWith(422);

        Assert.Equal(4, (await _http.ApiGetAsync($"{Widgets}/{name}")).Json()["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClusterScopedKind_IsServedWithoutANamespace()
    {
        var name = ServerFixture.UniqueName("g");
        var body = $$$"""{"apiVersion":"test.sharpflow.io/v1","kind":"Gadget","metadata":{"name":"{{{name}}}","namespace":"ignored"},"spec":{"x":1}}""";

        var created = (await _http.ApiPostAsync("/apis/test.sharpflow.io/v1/gadgets", body)).ShouldSucceedWith(201).Resource();

        Assert.Null(created.Metadata.Namespace);
        (await _http.ApiGetAsync($"/apis/test.sharpflow.io/v1/gadgets/{name}")).ShouldSucceedWith(200);
        (await _http.ApiGetAsync($"/apis/test.sharpflow.io/v1/namespaces/default/gadgets/{name}")).ShouldFailWith(404);
        (await _http.ApiDeleteAsync($"/apis/test.sharpflow.io/v1/gadgets/{name}")).ShouldSucceedWith(200);
    }

    [Fact]
    public async Task Kinds_ListsBuiltInAndContributedKinds()
    {
        var kinds = (await _http.ApiGetAsync("/sharpflow/v1/kinds")).ShouldSucceedWith(200).Body;
        var parsed = System.Text.Json.Nodes.JsonNode.Parse(kinds)!.AsArray();

        var widget = parsed.Single(k => k!["kind"]!.GetValue<string>() == "Widget")!;
        Assert.Equal("test.sharpflow.io", widget["group"]!.GetValue<string>());
        Assert.Equal("widgets", widget["plural"]!.GetValue<string>());
        Assert.True(widget["namespaced"]!.GetValue<bool>());
        Assert.Equal("test.sharpflow.io/v1", widget["apiVersion"]!.GetValue<string>());
        Assert.Equal(["wd"], widget["shortNames"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains(parsed, k => k!["kind"]!.GetValue<string>() == "Namespace" && !k["namespaced"]!.GetValue<bool>());
        Assert.Contains(parsed, k => k!["kind"]!.GetValue<string>() == "ConfigMap");
    }

    [Fact]
    public async Task TypedClient_AppliesGetsAndListsThroughTheApi()
    {
        var client = fixture.Server.CreateClient();
        var kind = await client.ResolveKindAsync("wd");
        var name = ServerFixture.UniqueName("w");
        var resource = Sharpflow.Api.Serialization.ResourceYaml.ToResource(System.Text.Json.Nodes.JsonNode.Parse(Widget(name, 7))!.AsObject());

        var (_, created) = await client.ApplyAsync(resource);
        var (updated, createdAgain) = await client.ApplyAsync(resource with { Spec = new System.Text.Json.Nodes.JsonObject { ["size"] = 8 } });

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(8, updated.Spec!["size"]!.GetValue<int>());
        var listed = await client.ListAsync(kind, "default", new Sharpflow.Client.ListOptions { FieldSelector = $"metadata.name={name}" });
        Assert.Single(listed.Items);
    }

    private static string Widget(string name, int size, string? status = null) =>
        $$"""
        {"apiVersion":"test.sharpflow.io/v1","kind":"Widget","metadata":{"name":"{{name}}"},"spec":{"size":{{size}}}{{(status is null ? "" : $",\"status\":{status}")}}}
        """;
}
