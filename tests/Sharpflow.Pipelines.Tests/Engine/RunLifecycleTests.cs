using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Terminating a run and retrying a failed one, through the spec fields the API sets.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class RunLifecycleTests(PipelineServerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Scratch _scratch = new();

    private PipelineServer Pipelines => fixture.Pipelines;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Terminate_LongRunningPipeline_StopsRunningTaskAndCancelsTheRest()
    {
        await Pipelines.SubmitAsync("terminate-long-running", AcceptanceFiles.Read(AcceptanceManifest.LongRunning));
        var running = await Pipelines.WaitForTaskAsync("terminate-long-running", "root/wait-op", Timeout, TaskExecutionState.Running);
        await TestWaitForWorkloadAsync(running.WorkloadId!, WorkloadPhase.Running);

        await Pipelines.PatchRunAsync("terminate-long-running", """{"spec": {"terminate": true}}""");
        var run = await Pipelines.WaitFinishedAsync("terminate-long-running", Timeout);

        Assert.Equal(RunStates.Canceled, run.State);
        Assert.Contains(run.Status.StateHistory, h => h.State == RunStates.Canceling);
        Assert.Equal(TaskExecutionState.Canceled, run.StateOf("root/wait-op"));
        Assert.Equal(TaskExecutionState.Canceled, run.StateOf("root/wait-op-2"));
        Assert.Null(run.Task("root/wait-op-2").WorkloadId);
        var workload = await Pipelines.Workloads.GetAsync(running.WorkloadId!);
        Assert.Equal(WorkloadPhase.Failed, workload?.Phase);
        Assert.Equal("Stopped", workload?.Reason);
    }

    [Fact]
    public async Task Retry_FailedRun_RerunsOnlyFailedAndNotRunTasks()
    {
        var parameters = new JsonObject { ["dir"] = _scratch.Root };
        await Pipelines.SubmitAsync("retry-failed-run", TestPipelines.Read("three-steps.yaml"), parameters);
        var failed = await Pipelines.WaitFinishedAsync("retry-failed-run", Timeout);
        Assert.True(failed.State == RunStates.Failed, failed.Describe());
        Assert.Equal(TaskExecutionState.Skipped, failed.StateOf("root/third"));

        File.WriteAllText(_scratch.File("pass"), string.Empty);
        await Pipelines.PatchRunAsync("retry-failed-run", """{"spec": {"retry": 1}}""");
        await Pipelines.WaitForStateAsync("retry-failed-run", Timeout, RunStates.Running, RunStates.Succeeded);
        var retried = await Pipelines.WaitFinishedAsync("retry-failed-run", Timeout);

        Assert.True(retried.State == RunStates.Succeeded, retried.Describe());
        Assert.Equal(1, retried.Status.Retries);
        Assert.Equal(1, _scratch.Lines("first"));
        Assert.Equal(2, _scratch.Lines("second"));
        Assert.Equal(1, _scratch.Lines("third"));
        Assert.Equal(failed.Task("root/first").WorkloadId, retried.Task("root/first").WorkloadId);
        Assert.Equal(
            [RunStates.Pending, RunStates.Running, RunStates.Failed, RunStates.Running, RunStates.Succeeded],
            retried.Status.StateHistory.Select(h => h.State));
    }

    [Fact]
    public async Task Delete_RunningRun_StopsAndRemovesItsWorkloadsAndExecutions()
    {
        var created = await Pipelines.SubmitAsync("delete-running", AcceptanceFiles.Read(AcceptanceManifest.LongRunning));
        var running = await Pipelines.WaitForTaskAsync("delete-running", "root/wait-op", Timeout, TaskExecutionState.Running);

        await Pipelines.Client.DeleteAsync(Pipelines.Runs, PipelineServer.Namespace, "delete-running");
        await Sharpflow.Testing.TestWait.UntilAsync(
            async () => (await Pipelines.Client.ListAsync(Pipelines.Runs, PipelineServer.Namespace)).Items.All(r => r.Metadata.Name != "delete-running"),
            Timeout,
            "the run to be gone");

        Assert.Null(await Pipelines.Workloads.GetAsync(running.WorkloadId!));
        Assert.Empty(await Pipelines.Executions.ListByRunAsync(created.Metadata.Uid!));
    }

    private Task TestWaitForWorkloadAsync(string id, WorkloadPhase phase) =>
        Sharpflow.Testing.TestWait.UntilAsync(
            async () => (await Pipelines.Workloads.GetAsync(id))?.Phase == phase, Timeout, $"workload {id} {phase}");
}
