using System.Net;
using Sharpflow.Server.Tests.Api;
using Sharpflow.Server.Tests.Infrastructure;
using Sharpflow.Testing;
using Xunit;

namespace Sharpflow.Server.Tests.Hosting;

public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sharpflow-crash-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task KillNine_WhileWriting_KeepsEveryAcknowledgedWrite()
    {
        var acknowledged = new Dictionary<string, string>();
        using (var server = await SharpflowProcess.StartAsync(_dataDirectory, StartTimeout))
        using (var http = new HttpClient { BaseAddress = server.BaseAddress })
        {
            using var writing = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !writing.IsCancellationRequested; i++)
                {
                    var name = $"write-{i}";
                    var body = ConfigMapApiTests.ConfigMap(name, $$$"""{"value":"{{{i}}}"}""");
                    try
                    {
                        var response = await http.ApiPostAsync("/api/v1/namespaces/default/configmaps", body);
                        if (response.Code == HttpStatusCode.Created)
                        {
                            lock (acknowledged)
                            {
                                acknowledged[name] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            });

            await TestWait.UntilAsync(() => { lock (acknowledged) { return acknowledged.Count >= 25; } }, TimeSpan.FromSeconds(60), "25 acknowledged writes");
            await server.KillAsync();
            await writing.CancelAsync();
            await writer;
        }

        await using var restarted = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions { DataDirectory = _dataDirectory, RunControllers = false });
        var stored = (await restarted.HttpClient.ApiGetAsync("/api/v1/namespaces/default/configmaps")).ShouldSucceedWith(200).Json()["items"]!.AsArray()
            .ToDictionary(i => i!["metadata"]!["name"]!.GetValue<string>(), i => i!["data"]!["value"]!.GetValue<string>());
        Assert.True(acknowledged.Count >= 25);
        Assert.All(acknowledged, write => Assert.Equal(write.Value, stored.GetValueOrDefault(write.Key)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
