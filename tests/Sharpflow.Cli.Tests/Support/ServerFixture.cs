using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.DependencyInjection;
using Sharpflow.Testing;

namespace Sharpflow.Cli.Tests.Support;

/// <summary>One real Sharpflow server shared by the CLI tests; each test works in its own namespace.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private SharpflowTestServer? _server;

    public SharpflowTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public string Url => Server.BaseAddress.ToString().TrimEnd('/');

    public SharpflowClient Client => Server.CreateClient();

    // The Pod reconciler registers idempotently, so this is a no-op once the server host registers it itself.
    public async Task InitializeAsync() => _server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
    {
        ConfigureServices = services => services.AddSharpflowPods(),
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Runs <c>sharpflow ARGS --server URL</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public Task<CliResult> RunWithInputAsync(string stdin, params string[] args) =>
        CliRunner.RunAsync([.. args, "--server", Url], stdin);

    public CliSession Start(params string[] args) => CliSession.Start([.. args, "--server", Url]);

    public async Task<string> CreateNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.CreateAsync(new Resource { ApiVersion = "v1", Kind = "Namespace", Metadata = new ObjectMeta { Name = name } });
        return name;
    }
}
