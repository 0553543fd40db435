using Sharpflow.Testing;

namespace Sharpflow.Server.Tests.KfpApi.Support;

/// <summary>One real server per test class (SQLite, local processes); tests keep apart by unique names or namespaces.</summary>
public sealed class KfpServerFixture : IAsyncLifetime
{
    public SharpflowTestServer Server { get; private set; } = null!;

    public HttpClient Http => Server.HttpClient;

    public async Task InitializeAsync() => Server = await SharpflowTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
