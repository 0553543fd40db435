using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Conditions, If/Else with OneOf, skip propagation and every kind of ParallelFor, on shell components.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class ControlFlowTests(PipelineServerFixture fixture)
{
    private Task<FinishedRun> BigAsync() => fixture.RunOnceAsync("conditions-big", TestPipelines.Read("conditions.yaml"));

    private Task<FinishedRun> SmallAsync() =>
        fixture.RunOnceAsync("conditions-small", TestPipelines.Read("conditions.yaml"), new JsonObject { ["n"] = 3 });

    private Task<FinishedRun> LoopsAsync() => fixture.RunOnceAsync("loops", TestPipelines.Read("loops.yaml"));

    [Fact]
    public async Task Run_ConditionTrue_RunsIfBranchAndSkipsElseBranch()
    {
        var run = await BigAsync();

        Assert.True(run.State == RunStates.Succeeded, run.Describe());
        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/condition-branches-1/condition-2/say"));
        Assert.Equal(TaskExecutionState.Skipped, run.StateOf("root/condition-branches-1/condition-3"));
        Assert.Equal("big 7", run.Output("root/condition-branches-1/condition-2/say", "out")!.GetValue<string>());
    }

    [Fact]
    public async Task Run_ConditionFalse_RunsElseBranchAndTasksAfterIt()
    {
        var run = await SmallAsync();

        Assert.True(run.State == RunStates.Succeeded, run.Describe());
        Assert.Equal(TaskExecutionState.Skipped, run.StateOf("root/condition-branches-1/condition-2"));
        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/condition-4/say"));
        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/after-small"));
    }

    [Fact]
    public async Task Run_OneOf_TakesTheBranchThatRanAsPipelineOutput()
    {
        var big = await BigAsync();
        var small = await SmallAsync();

        Assert.Equal("big 7", big.Status.Outputs?.Parameters?["branch"]?.GetValue<string>());
        Assert.Equal("small 3", small.Status.Outputs?.Parameters?["branch"]?.GetValue<string>());
    }

    [Fact]
    public async Task Run_TaskAfterSkippedCondition_IsSkippedToo()
    {
        var run = await BigAsync();

        Assert.Equal(TaskExecutionState.Skipped, run.StateOf("root/condition-4"));
        Assert.Equal(TaskExecutionState.Skipped, run.StateOf("root/after-small"));
        Assert.Contains("condition-4", run.Task("root/after-small").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LoopWithParallelismLimit_NeverRunsMoreIterationsAtOnce()
    {
        var run = await LoopsAsync();

        var doubles = run.Executions.Where(e => e.TaskPath.StartsWith("root/for-loop-1/", StringComparison.Ordinal) && e.TaskName == "double").ToList();
        Assert.True(run.State == RunStates.Succeeded, run.Describe());
        Assert.Equal(6, doubles.Count);
        var peak = doubles.Max(d => doubles.Count(o => o.StartedAt < d.FinishedAt && d.StartedAt < o.FinishedAt && o.StartedAt <= d.StartedAt));
        Assert.InRange(peak, 1, 2);
    }

    [Fact]
    public async Task Run_LoopOutputs_AreCollectedInIterationOrder()
    {
        var run = await LoopsAsync();

        Assert.Equal("[2,4,6,8,10,12]", run.Status.Outputs?.Parameters?["doubled"]?.ToJsonString());
        Assert.Equal("[2,4,6,8,10,12]", run.Output("root/show-doubled", "out")!.GetValue<string>());
    }

    [Fact]
    public async Task Run_LoopOverUpstreamList_RunsOneIterationPerItem()
    {
        var run = await LoopsAsync();

        var items = run.Executions.Where(e => e.TaskName == "echo-item").OrderBy(e => e.TaskPath, StringComparer.Ordinal)
            .Select(e => run.Output(e.TaskPath, "out")!.GetValue<string>());
        Assert.Equal(["a", "b", "c"], items);
    }

    [Fact]
    public async Task Run_LoopOverStructs_SelectsFieldsWithParseJson()
    {
        var run = await LoopsAsync();

        Assert.Equal("""["x","y"]""", run.Status.Outputs?.Parameters?["picked"]?.ToJsonString());
    }

    [Fact]
    public async Task Run_ArtifactIterator_RunsOverCollectedArtifacts()
    {
        var run = await LoopsAsync();

        Assert.Equal(2, run.ArtifactUris("root/for-loop-4", "pipelinechannel--write-data").Count);
        Assert.Equal("""["first","second"]""", run.Status.Outputs?.Parameters?["contents"]?.ToJsonString());
    }

    [Fact]
    public async Task Run_JobPlaceholdersInConstants_AreReplacedWithTheRunsValues()
    {
        var run = await fixture.RunOnceAsync("job-placeholders", TestPipelines.Read("job-placeholders.yaml"));

        var parts = run.Output("root/say", "out")!.GetValue<string>().Split('|');
        Assert.Equal("job-placeholders", parts[0]);
        Assert.Equal(run.Resource.Metadata.Uid, parts[1]);
        Assert.Equal("say", parts[2]);
        Assert.Equal(run.Resource.Metadata.CreationTimestamp!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), parts[3]);
    }
}
