using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>A run survives a restart of the server: finished tasks do not run again and the running one is found again.</summary>
public sealed class ServerRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Scratch _scratch = new();
    private PipelineServer _pipelines = null!;

    public async Task InitializeAsync() => _pipelines = await PipelineServer.StartAsync();

    public async Task DisposeAsync()
    {
        File.WriteAllText(_scratch.File("go"), string.Empty);
        await _pipelines.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task Restart_DuringRun_ReadoptsRunningTaskAndCompletesWithoutRerunningFinishedOnes()
    {
        await _pipelines.SubmitAsync("restart", TestPipelines.Read("three-steps.yaml"), new JsonObject { ["dir"] = _scratch.Root, ["wait"] = true });
        var running = await _pipelines.WaitForTaskAsync("restart", "root/second", Timeout, TaskExecutionState.Running);

        await _pipelines.RestartAsync();
        File.WriteAllText(_scratch.File("go"), string.Empty);
        var run = await _pipelines.WaitFinishedAsync("restart", Timeout);

        Assert.True(run.State == RunStates.Succeeded, run.Describe());
        Assert.Equal(1, _scratch.Lines("first"));
        Assert.Equal(1, _scratch.Lines("second"));
        Assert.Equal(1, _scratch.Lines("third"));
        Assert.Equal(running.WorkloadId, run.Task("root/second").WorkloadId);
        Assert.Equal(1, run.Task("root/second").Attempts);
        Assert.True(running.StartedAt == run.Task("root/second").StartedAt, $"started {running.StartedAt:HH:mm:ss.fff} before the restart; {run.Describe()}");
    }
}
