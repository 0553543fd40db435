using System.Diagnostics;
using System.Text.Json.Nodes;
using Sharpflow.Server.Tests.KfpApi.Support;

namespace Sharpflow.Server.Tests.KfpApi;

/// <summary>Debian's python3, with only urllib and yaml, makes the requests kfp.Client makes: upload, experiment, runs, wait, logs.</summary>
public sealed class KfpPythonClientTests(KfpServerFixture fixture) : IClassFixture<KfpServerFixture>
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task KfpClientFlow_UploadRunWaitAndLogs_SucceedsAsKfpClientSeesIt()
    {
        var word = KfpCalls.Unique("py");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { KfpPythonScripts.Path("kfp_client_flow.py"), fixture.Server.BaseAddress.ToString(), KfpAcceptanceFiles.Path("arguments_parameters.yaml"), word },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"the script failed: {await errors}");
        var seen = JsonNode.Parse(await output)!.AsObject();
        Assert.Equal("database", seen["healthz"].Text("pipeline_store"));
        Assert.Equal("Default", seen.Text("experiment"));
        Assert.Equal(["SUCCEEDED", "SUCCEEDED"], seen["states"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([seen.Text("inline_run_id")], seen["listed"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([$"hello-{word}\n", $"inline-{word}\n"], seen["logs"]!.AsArray().Select(s => s!.GetValue<string>()));
    }
}
