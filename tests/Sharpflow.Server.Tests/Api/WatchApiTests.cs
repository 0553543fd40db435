using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

public sealed class WatchApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Collection = "/api/v1/namespaces/default/configmaps";

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Watch_FromListVersion_StreamsAddModifyDeleteInOrder()
    {
        var name = ServerFixture.UniqueName("watched");
        var version = (await _http.ApiGetAsync(Collection)).List().Metadata.ResourceVersion;
        await using var watch = await WatchReader.OpenAsync(_http, $"{Collection}?watch=true&resourceVersion={version}&fieldSelector=metadata.name={name}");

        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, """{"step":"1"}"""))).ShouldSucceedWith(201);
        (await _http.ApiPatchAsync($"{Collection}/{name}", """{"data":{"step":"2"}}""")).ShouldSucceedWith(200);
        (await _http.ApiDeleteAsync($"{Collection}/{name}")).ShouldSucceedWith(200);

        var added = await watch.NextAsync();
        var modified = await watch.NextAsync();
        var deleted = await watch.NextAsync();
        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], new[] { added, modified, deleted }.Select(e => e["type"]!.GetValue<string>()));
        Assert.Equal("1", added["object"]!["data"]!["step"]!.GetValue<string>());
        Assert.Equal("2", modified["object"]!["data"]!["step"]!.GetValue<string>());
        var versions = new[] { added, modified, deleted }.Select(e => long.Parse(e["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Watch_WithLabelSelector_SendsOnlyMatchingObjects()
    {
        var suite = ServerFixture.UniqueName("sel");
        var version = (await _http.ApiGetAsync(Collection)).List().Metadata.ResourceVersion;
        await using var watch = await WatchReader.OpenAsync(_http, $"{Collection}?watch=1&resourceVersion={version}&labelSelector=suite%3D{suite}");

        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(ServerFixture.UniqueName("other"), "{}"))).ShouldSucceedWith(201);
        var matching = ServerFixture.UniqueName("match");
        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(matching, "{}", $$"""{"suite":"{{suite}}"}"""))).ShouldSucceedWith(201);

        Assert.Equal(matching, (await watch.NextAsync())["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&resourceVersion=0")]
    public async Task Watch_WithoutVersion_StartsWithTheCurrentObjectsAsAddedThenFollowsChanges(string version)
    {
        var suite = ServerFixture.UniqueName("now");
        var labels = $$"""{"suite":"{{suite}}"}""";
        var before = ServerFixture.UniqueName("before");
        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(before, "{}", labels))).ShouldSucceedWith(201);
        await using var watch = await WatchReader.OpenAsync(_http, $"{Collection}?watch=true&labelSelector=suite%3D{suite}{version}");

        var after = ServerFixture.UniqueName("after");
        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(after, "{}", labels))).ShouldSucceedWith(201);

        var first = await watch.NextAsync();
        var second = await watch.NextAsync();
        Assert.Equal([("ADDED", before), ("ADDED", after)], new[] { first, second }.Select(e => (e["type"]!.GetValue<string>(), Name(e))));
    }

    [Fact]
    public async Task Watch_AcrossRestart_EndsCleanlyAndResumesWithoutGapsOrRepeats()
    {
        await using var server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions { RunControllers = false });
        var http = server.HttpClient;
        var start = (await http.ApiGetAsync(Collection)).List().Metadata.ResourceVersion;
        var seen = new List<string>();
        string? last;
        await using (var watch = await WatchReader.OpenAsync(http, $"{Collection}?watch=true&resourceVersion={start}"))
        {
            foreach (var name in new[] { "a1", "a2" })
            {
                (await http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201);
            }

            var first = await watch.NextAsync();
            var second = await watch.NextAsync();
            seen.AddRange([Name(first), Name(second)]);
            last = second["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>();

            // Written after the last event this watcher saw, so it must come back on the resumed watch.
            (await http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap("a3", "{}"))).ShouldSucceedWith(201);
            await server.RestartAsync();
            // The stream ends cleanly when the server stops; whatever it still carried is not acknowledged.
            Assert.All(await watch.ReadToEndAsync(), e => Assert.Equal("a3", Name(e)));
        }

        (await http.ApiPatchAsync($"{Collection}/a1", """{"data":{"x":"1"}}""")).ShouldSucceedWith(200);
        await using (var resumed = await WatchReader.OpenAsync(http, $"{Collection}?watch=true&resourceVersion={last}"))
        {
            var third = await resumed.NextAsync();
            var fourth = await resumed.NextAsync();
            Assert.Equal(("ADDED", "a3"), (Type(third), Name(third)));
            Assert.Equal(("MODIFIED", "a1"), (Type(fourth), Name(fourth)));
        }

        Assert.Equal(["a1", "a2"], seen);
    }

    [Fact]
    public async Task Watch_AllNamespaces_SeesEveryNamespace()
    {
        var ns = ServerFixture.UniqueName("ns");
        (await _http.ApiPostAsync("/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""")).ShouldSucceedWith(201);
        var version = (await _http.ApiGetAsync("/api/v1/configmaps")).List().Metadata.ResourceVersion;
        var suite = ServerFixture.UniqueName("everywhere");
        await using var watch = await WatchReader.OpenAsync(_http, $"/api/v1/configmaps?watch=true&resourceVersion={version}&labelSelector=suite%3D{suite}");

        (await _http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap("in-default-" + suite, "{}", $$"""{"suite":"{{suite}}"}"""))).ShouldSucceedWith(201);
        (await _http.ApiPostAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMapApiTests.ConfigMap("in-other-" + suite, "{}", $$"""{"suite":"{{suite}}"}"""))).ShouldSucceedWith(201);

        var namespaces = new[] { await watch.NextAsync(), await watch.NextAsync() }.Select(e => e["object"]!["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal(["default", ns], namespaces);
    }

    private static string Name(System.Text.Json.Nodes.JsonObject e) => e["object"]!["metadata"]!["name"]!.GetValue<string>();

    private static string Type(System.Text.Json.Nodes.JsonObject e) => e["type"]!.GetValue<string>();
}
