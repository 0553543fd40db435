using System.Net;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

public sealed class NamespaceLifecycleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Create_Namespace_IsActiveAndHeldUntilItsContentsAreGone()
    {
        var ns = await CreateNamespaceAsync();

        var created = (await _http.ApiGetAsync($"/api/v1/namespaces/{ns}")).ShouldSucceedWith(200).Resource();
        Assert.Equal("Active", created.Status!["phase"]!.GetValue<string>());
        Assert.Contains("sharpflow.io/namespace-contents", created.Metadata.Finalizers!);
    }

    [Fact]
    public async Task Delete_NamespaceWithObjects_DeletesThemAndGoesAwayOnceEmpty()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = $"/api/v1/namespaces/{ns}/configmaps";
        (await _http.ApiPostAsync(configMaps, ConfigMapApiTests.ConfigMap("plain", "{}"))).ShouldSucceedWith(201);
        (await _http.ApiPostAsync($"/apis/test.sharpflow.io/v1/namespaces/{ns}/widgets", """{"apiVersion":"test.sharpflow.io/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}""")).ShouldSucceedWith(201);
        (await _http.ApiPostAsync(configMaps, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held","finalizers":["test.sharpflow.io/hold"]}}""")).ShouldSucceedWith(201);

        var deleting = (await _http.ApiDeleteAsync($"/api/v1/namespaces/{ns}")).ShouldSucceedWith(200).Resource();
        Assert.NotNull(deleting.Metadata.DeletionTimestamp);

        var refused = (await _http.ApiPostAsync(configMaps, ConfigMapApiTests.ConfigMap("late", "{}"))).ShouldFailWith(403);
        Assert.Contains("being terminated", refused.Message, StringComparison.Ordinal);
        await TestWait.UntilAsync(
            async () => (await _http.ApiGetAsync($"{configMaps}/plain")).Code == HttpStatusCode.NotFound
                && (await _http.ApiGetAsync($"/apis/test.sharpflow.io/v1/namespaces/{ns}/widgets/w")).Code == HttpStatusCode.NotFound,
            Timeout,
            $"the contents of namespace {ns} being deleted");
        Assert.Equal("Terminating", await PhaseAsync(ns));
        Assert.NotNull((await _http.ApiGetAsync($"{configMaps}/held")).ShouldSucceedWith(200).Resource().Metadata.DeletionTimestamp);

        (await _http.ApiPatchAsync($"{configMaps}/held", """{"metadata":{"finalizers":null}}""")).ShouldSucceedWith(200);

        await TestWait.UntilAsync(
            async () => (await _http.ApiGetAsync($"/api/v1/namespaces/{ns}")).Code == HttpStatusCode.NotFound,
            Timeout,
            $"namespace {ns} going away");
    }

    private async Task<string> CreateNamespaceAsync()
    {
        var ns = ServerFixture.UniqueName("life");
        (await _http.ApiPostAsync("/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""")).ShouldSucceedWith(201);
        return ns;
    }

    private async Task<string?> PhaseAsync(string ns) =>
        (await _http.ApiGetAsync($"/api/v1/namespaces/{ns}")).Json()["status"]?["phase"]?.GetValue<string>();
}
