using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Cache hits reuse the latest successful outputs; a change of inputs, a task without caching, or the per-run switch run the task.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class CachingTests(PipelineServerFixture fixture) : IDisposable
{
    private readonly Scratch _scratch = new();

    private PipelineServer Pipelines => fixture.Pipelines;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Run_SameInputsTwice_SecondRunReusesOutputsWithoutRunning()
    {
        var first = await RunAsync("cache-hit-1", "hello");
        var second = await RunAsync("cache-hit-2", "hello");

        Assert.True(second.State == RunStates.Succeeded, second.Describe());
        Assert.Equal(TaskExecutionState.Cached, second.StateOf("root/produce"));
        Assert.Equal(TaskExecutionState.Cached, second.StateOf("root/consume"));
        Assert.Equal(first.Task("root/produce").Id, second.Task("root/produce").CachedFrom);
        Assert.Equal(first.ArtifactUris("root/produce", "data"), second.ArtifactUris("root/produce", "data"));
        Assert.Equal("hello!", second.Output("root/consume", "out")!.GetValue<string>());
        Assert.Equal(1, _scratch.Lines("produce"));
        Assert.Equal(1, _scratch.Lines("consume"));
        Assert.Equal(2, second.Status.Tasks?.Cached);
    }

    [Fact]
    public async Task Run_DifferentInputs_MissesTheCache()
    {
        await RunAsync("cache-miss-1", "one");
        var second = await RunAsync("cache-miss-2", "two");

        Assert.Equal(TaskExecutionState.Succeeded, second.StateOf("root/produce"));
        Assert.Equal(TaskExecutionState.Succeeded, second.StateOf("root/consume"));
        Assert.NotEqual(second.Task("root/produce").Fingerprint, (await RunAsync("cache-miss-3", "three")).Task("root/produce").Fingerprint);
        Assert.Equal(3, _scratch.Lines("produce"));
    }

    [Fact]
    public async Task Run_CachingOffForTheRun_RunsEveryTask()
    {
        await RunAsync("cache-off-1", "same");
        var second = await RunAsync("cache-off-2", "same", enableCaching: false);

        Assert.Equal(TaskExecutionState.Succeeded, second.StateOf("root/produce"));
        Assert.Null(second.Task("root/produce").Fingerprint);
        Assert.Equal(2, _scratch.Lines("produce"));
    }

    [Fact]
    public async Task Run_TaskWithEmptyCachingOptions_AlwaysRuns()
    {
        await RunAsync("cache-empty-1", "same");
        var second = await RunAsync("cache-empty-2", "same");

        Assert.Equal(TaskExecutionState.Succeeded, second.StateOf("root/uncached"));
        Assert.Equal(2, _scratch.Lines("uncached"));
    }

    private async Task<FinishedRun> RunAsync(string name, string text, bool? enableCaching = null)
    {
        await Pipelines.SubmitAsync(name, TestPipelines.Read("cached.yaml"), new JsonObject { ["dir"] = _scratch.Root, ["text"] = text }, enableCaching);
        return await Pipelines.WaitFinishedAsync(name);
    }
}
