using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Storage;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

public sealed class WatchExpiryTests
{
    private const string Collection = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Watch_FromAVersionTheStoreNoLongerKeeps_Answers410Expired()
    {
        await using var server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
        {
            RunControllers = false,
            ConfigureServices = services => services.Configure<StorageOptions>(store =>
            {
                store.ChangeLogRetainCount = 1;
                store.ChangeLogRetainAge = TimeSpan.Zero;
                store.CompactionInterval = TimeSpan.FromMilliseconds(50);
            }),
        });
        var http = server.HttpClient;
        var first = (await http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap("old-1", "{}"))).ShouldSucceedWith(201).Resource().Metadata.ResourceVersion;
        foreach (var name in new[] { "old-2", "old-3" })
        {
            (await http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap(name, "{}"))).ShouldSucceedWith(201);
        }

        var path = $"{Collection}?watch=true&resourceVersion={first}";
        await TestWait.UntilAsync(
            async () =>
            {
                // Until compaction runs the watch is served (and never ends by itself): look at the status line only.
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                return response.StatusCode == HttpStatusCode.Gone;
            },
            TimeSpan.FromSeconds(15),
            "the change log being compacted past the first write");

        var status = (await http.ApiGetAsync(path)).ShouldFailWith(410);
        Assert.Equal("Expired", status.Reason);
        Assert.Contains("too old resource version", status.Message, StringComparison.Ordinal);
    }
}
