using System.Diagnostics;
using Sharpflow.Server.Tests.Api;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Hosting;

public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sharpflow-term-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task SigTerm_StopsTheServerCleanlyAndKeepsItsData()
    {
        using (var server = await SharpflowProcess.StartAsync(_dataDirectory, TimeSpan.FromSeconds(90)))
        using (var http = new HttpClient { BaseAddress = server.BaseAddress })
        {
            (await http.ApiPostAsync("/api/v1/namespaces/default/configmaps", ConfigMapApiTests.ConfigMap("kept", """{"a":"1"}"""))).ShouldSucceedWith(201);

            var exitCode = await server.TerminateAsync(TimeSpan.FromSeconds(30));

            Assert.True(exitCode == 0, $"sharpflow up exited with {exitCode}; its output:\n{server.Output}");
        }

        await using var restarted = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions { DataDirectory = _dataDirectory, RunControllers = false });
        (await restarted.HttpClient.ApiGetAsync("/api/v1/namespaces/default/configmaps/kept")).ShouldSucceedWith(200);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
