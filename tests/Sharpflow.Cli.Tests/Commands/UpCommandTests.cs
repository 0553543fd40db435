using System.Net;
using Sharpflow.Cli.Tests.Support;

namespace Sharpflow.Cli.Tests.Commands;

public sealed class UpCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sharpflow-up-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Up_FreePort_ServesHealthzAndStopsWhenInterrupted()
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}/";
        await using var up = CliSession.Start("up", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", _dataDirectory);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };

        await up.WaitForOutputAsync(url, TimeSpan.FromSeconds(90));
        using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.Contains($"dashboard: {url}", up.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains($"data dir:  {_dataDirectory}", up.Out.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "sharpflow.db")));

        Assert.Equal(ExitCodes.Ok, await up.StopAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Up_PortInUse_ExitsWithTheBindError()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync("up", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", _dataDirectory);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: cannot start the server: ", result.Error, StringComparison.Ordinal);
    }
}
