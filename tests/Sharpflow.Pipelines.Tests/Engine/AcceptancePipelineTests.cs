using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Every compiled pipeline of shared/acceptance/kfp, unedited, runs on the embedded default to the state MANIFEST.tsv expects.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class AcceptancePipelineTests(PipelineServerFixture fixture)
{
    [Theory]
    [MemberData(nameof(AcceptanceManifest.Quick), MemberType = typeof(AcceptanceManifest))]
    public async Task Run_AcceptancePipeline_ReachesManifestState(string file)
    {
        var run = await fixture.RunAcceptanceAsync(file);

        Assert.True(AcceptanceManifest.ExpectedStates[file] == run.State, $"{file}: {run.Describe()}");
        Assert.Contains(run.Executions, e => e.Kind == TaskExecutionKind.Container && e.State == TaskExecutionState.Succeeded);
        Assert.NotNull(run.Status.FinishedAt);
    }

    [Fact]
    public async Task Run_ParametersSimple_CollectsLoopOutputsIntoPipelineOutput()
    {
        var run = await fixture.RunAcceptanceAsync("critical/parameters_simple.yaml");

        Assert.Equal(RunStates.Succeeded, run.State);
        Assert.Equal("[2,4,6]", run.Status.Outputs?.Parameters?["Output"]?.ToJsonString());
        Assert.Equal(12, run.Output("root/add", "Output")!.GetValue<double>());
        Assert.Equal(12, run.Output("root/add-container", "sum")!.GetValue<double>());
    }

    [Fact]
    public async Task Run_CollectedParameters_FansInThroughNestedPipeline()
    {
        var run = await fixture.RunAcceptanceAsync("critical/collected_parameters.yaml");

        Assert.Equal(RunStates.Succeeded, run.State);
        Assert.Equal(
            """["model_id_s1","model_id_s2","model_id_s3"]""",
            run.Output("root/collecting-parameters", "Output")!.ToJsonString());
        Assert.Equal(3, run.Executions.Count(e => e.Kind == TaskExecutionKind.Iteration));
    }

    [Fact]
    public async Task Run_ExitHandlerWithFailingTask_FailsRunButRunsExitTaskWithFinalStatus()
    {
        var run = await fixture.RunAcceptanceAsync("failing/pipeline_with_exit_handler.yaml");

        Assert.Equal(RunStates.Failed, run.State);
        Assert.Equal(TaskExecutionState.Failed, run.StateOf("root/exit-handler-1"));
        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/print-op"));
        Assert.Contains("fail-op", run.Status.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TaskFinalStatus_PassesTheExitHandlersStatusStruct()
    {
        var run = await fixture.RunAcceptanceAsync("pipeline_with_task_final_status_yaml.yaml");

        var status = run.Input("root/exit-op", "status")!;
        Assert.Equal("COMPLETE", status["state"]!.GetValue<string>());
        Assert.Equal("exit-handler-1", status["pipelineTaskName"]!.GetValue<string>());
        Assert.Equal(AcceptanceManifest.RunName("pipeline_with_task_final_status_yaml.yaml"), status["pipelineJobResourceName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_PipelineWithOutputs_PublishesNestedArtifactAsPipelineOutput()
    {
        var run = await fixture.RunAcceptanceAsync("essential/pipeline_with_outputs.yaml");

        var uri = run.Status.Outputs?.Artifacts?["Output"]?[0]?["uri"]?.GetValue<string>();
        Assert.NotNull(uri);
        Assert.Equal("world\n", File.ReadAllText(uri));
    }

    [Fact]
    public async Task Run_Importer_RegistersUriAndFeedsConditionBranch()
    {
        var run = await fixture.RunAcceptanceAsync("pipeline_with_importer.yaml");

        Assert.Equal(["gs://ml-pipeline-playground/shakespeare1.txt"], run.ArtifactUris("root/importer", "artifact"));
        Assert.Equal(TaskExecutionState.Succeeded, run.StateOf("root/condition-1/train-2"));
        Assert.Equal("123", run.Output("root/train", "scalar")!.GetValue<string>());
    }
}
