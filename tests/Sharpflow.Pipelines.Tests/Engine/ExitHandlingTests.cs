using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Exit handlers with TASK_FINAL_STATUS, ignore-upstream-failure with default fallback, and the run-level failure rule.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class ExitHandlingTests(PipelineServerFixture fixture)
{
    private Task<FinishedRun> RunAsync() => fixture.RunOnceAsync("exit-handling", TestPipelines.Read("exit-handling.yaml"));

    [Fact]
    public async Task Run_FailingTaskInExitHandler_FailsRunEvenThoughCleanupSucceeds()
    {
        var run = await RunAsync();

        Assert.Equal(RunStates.Failed, run.State);
        Assert.Equal(TaskExecutionState.Failed, run.StateOf("root/exit-handler-1/fail"));
        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/cleanup"));
        Assert.Contains("exited with code 3", run.Status.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitTask_ReceivesFailedFinalStatusOfTheHandler()
    {
        var run = await RunAsync();

        var status = run.Input("root/cleanup", "status")!;
        Assert.Equal("FAILED", status["state"]!.GetValue<string>());
        Assert.Equal("exit-handler-1", status["pipelineTaskName"]!.GetValue<string>());
        Assert.Contains("exited with code 3", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("FAILED", run.Output("root/cleanup", "out")!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TaskIgnoringUpstreamFailure_FallsBackToInputDefault()
    {
        var run = await RunAsync();

        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/consumer"));
        Assert.Equal("fallback", run.Output("root/consumer", "out")!.GetValue<string>());
    }

    [Fact]
    public async Task Run_OrdinaryTaskAfterFailure_IsSkipped()
    {
        var run = await RunAsync();

        Assert.Equal(TaskExecutionState.Skipped, run.StateOf("root/after-failure"));
        Assert.Equal(1, run.Status.Tasks?.Skipped);
        Assert.Equal(1, run.Status.Tasks?.Failed);
    }
}
