using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary>One server per test class, serving the test kinds; tests keep apart by unique names.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public SharpflowTestServer Server { get; private set; } = null!;

    public HttpClient Http => Server.HttpClient;

    public async Task InitializeAsync() =>
        Server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions { ConfigureServices = TestKinds.Register });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
