using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;
using Sharpflow.Runtime.Local;
using Sharpflow.Testing;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>
/// long-running.yaml (two steps of <c>sleep 300</c> in alpine) runs to SUCCEEDED, unedited, on a server whose local
/// runtime maps the alpine image to an environment with a <c>sleep</c> that returns at once — the image mapping a
/// local runtime offers for any image. The real five-minute sleep is exercised by the terminate test.
/// </summary>
public sealed class LongRunningPipelineTests : IAsyncLifetime
{
    private readonly Scratch _bin = new();
    private PipelineServer _pipelines = null!;

    public async Task InitializeAsync()
    {
        var sleep = _bin.File("sleep");
        File.WriteAllText(sleep, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(sleep, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _pipelines = await PipelineServer.StartAsync(new SharpflowTestServerOptions
        {
            ConfigureServices = services => services.Configure<LocalRuntimeOptions>(runtime =>
                runtime.Images.Add(new LocalImageOptions { Image = "alpine", PathPrefix = _bin.Root })),
        });
    }

    public async Task DisposeAsync()
    {
        await _pipelines.DisposeAsync();
        _bin.Dispose();
    }

    [Fact]
    public async Task Run_LongRunningWithQuickSleep_Succeeds()
    {
        await _pipelines.SubmitAsync("long-running", AcceptanceFiles.Read(AcceptanceManifest.LongRunning));
        var run = await _pipelines.WaitFinishedAsync("long-running", TimeSpan.FromSeconds(60));

        Assert.True(AcceptanceManifest.ExpectedStates[AcceptanceManifest.LongRunning] == run.State, run.Describe());
        Assert.Equal(RunStates.Succeeded, run.State);
        Assert.Equal(2, run.Status.Tasks?.Succeeded);
    }
}
