using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Sharpflow.Testing.Postgres;
using Xunit;

namespace Sharpflow.Server.Tests.Api;

/// <summary>The same API over PostgreSQL: writes, lists, and a watch resumed across a restart.</summary>
public sealed class PostgresApiTests : IAsyncLifetime
{
    private const string Collection = "/api/v1/namespaces/default/configmaps";

    private SharpflowTestServer _server = null!;

    public async Task InitializeAsync()
    {
        var postgres = await PostgresServer.SharedAsync();
        _server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
        {
            PostgresConnectionString = await postgres.CreateDatabaseAsync("server_api"),
            ConfigureServices = TestKinds.Register,
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CrudAndWatch_OnPostgres_BehaveAsOnSqliteAcrossARestart()
    {
        var http = _server.HttpClient;
        var start = (await http.ApiGetAsync(Collection)).ShouldSucceedWith(200).List().Metadata.ResourceVersion;
        var created = (await http.ApiPostAsync(Collection, ConfigMapApiTests.ConfigMap("pg", """{"a":"1"}"""))).ShouldSucceedWith(201).Resource();
        (await http.ApiPatchAsync($"{Collection}/pg", """{"data":{"a":"2"}}""")).ShouldSucceedWith(200);
        (await http.ApiPutAsync($"{Collection}/pg", ConfigMapApiTests.ConfigMap("pg", "{}", resourceVersion: created.Metadata.ResourceVersion))).ShouldFailWith(409);
        (await http.ApiPostAsync("/apis/test.sharpflow.io/v1/namespaces/default/widgets", """{"apiVersion":"test.sharpflow.io/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":-1}}""")).ShouldFailWith(422);

        await _server.RestartAsync();
        (await http.ApiDeleteAsync($"{Collection}/pg")).ShouldSucceedWith(200);

        await using var watch = await WatchReader.OpenAsync(http, $"{Collection}?watch=true&resourceVersion={start}");
        var types = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            types.Add((await watch.NextAsync())["type"]!.GetValue<string>());
        }

        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], types);
    }
}
