using System.Net.Sockets;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class PortTests
{
    [Fact]
    public async Task StartAsync_DeclaredPorts_AreAllocatedAndServeHttp()
    {
        await using var harness = new RuntimeHarness();
        File.WriteAllText(Path.Combine(harness.DataDirectory, "hello.txt"), "served");

        var status = await harness.Runtime.StartAsync(new WorkloadSpec
        {
            Id = "web",
            Command = ["/usr/bin/python3", "-m", "http.server", "$(PORT)", "--bind", "127.0.0.1", "--directory", harness.DataDirectory],
            Ports = [new WorkloadPort("http", 8080), new WorkloadPort("metrics-port", 9090)],
        });

        Assert.Equal("127.0.0.1", status.Host);
        var http = status.Ports["http"];
        Assert.NotEqual(http, status.Ports["metrics-port"]);
        using var client = new HttpClient();
        Assert.Equal("served", await GetWhenListeningAsync(client, new Uri($"http://127.0.0.1:{http}/hello.txt")));
    }

    [Fact]
    public async Task StartAsync_DeclaredPorts_AreExposedAsEnvironmentVariables()
    {
        await using var harness = new RuntimeHarness();

        var status = await harness.Runtime.StartAsync(RuntimeHarness.Shell("ports", "echo $PORT $SHARPFLOW_PORT_HTTP $SHARPFLOW_PORT_METRICS_PORT") with
        {
            Ports = [new WorkloadPort("http", 8080), new WorkloadPort("metrics-port", 9090)],
        });
        await harness.WaitForFinishAsync("ports");

        Assert.Equal([$"{status.Ports["http"]} {status.Ports["http"]} {status.Ports["metrics-port"]}"], await harness.ReadLogAsync("ports"));
    }

    private static async Task<string> GetWhenListeningAsync(HttpClient client, Uri uri)
    {
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        while (true)
        {
            try
            {
                return await client.GetStringAsync(uri, timeout.Token);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException && !timeout.IsCancellationRequested)
            {
                await Task.Delay(20, timeout.Token);
            }
        }
    }
}
