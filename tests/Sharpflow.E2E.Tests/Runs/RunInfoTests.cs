using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Dashboard.Runs.Model;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.E2E.Tests.Runs;

public sealed class RunInfoTests
{
    private static Resource Run(string status, string spec = """{"pipelineSpec": {"pipelineInfo": {"name": "from-spec"}}}""") => new()
    {
        ApiVersion = "pipelines.kubeflow.org/v2beta1",
        Kind = "Run",
        Metadata = new ObjectMeta { Name = "r1", Namespace = "default", CreationTimestamp = DateTimeOffset.Parse("2025-06-01T11:00:00Z") },
        Spec = JsonNode.Parse(spec)!.AsObject(),
        Status = JsonNode.Parse(status)!.AsObject(),
    };

    [Fact]
    public void From_FailedRun_ReadsStateTimesTasksOutputsAndError()
    {
        var info = RunInfo.From(Run("""
            {"state": "FAILED", "pipelineName": "flip", "startedAt": "2025-06-01T12:00:00Z", "finishedAt": "2025-06-01T12:01:05Z",
             "error": {"message": "train: the process exited with code 1"}, "retries": 2,
             "tasks": {"total": 5, "succeeded": 2, "cached": 1, "failed": 1, "pending": 1},
             "outputs": {"parameters": {"acc": 0.9, "name": "m"}, "artifacts": {"model": [{"name": "model", "uri": "/a/model", "type": {"schemaTitle": "system.Model"}}]}},
             "stateHistory": [{"updateTime": "2025-06-01T12:00:00Z", "state": "RUNNING"}, {"updateTime": "2025-06-01T12:01:05Z", "state": "FAILED", "error": "boom"}]}
            """));

        Assert.Equal(RunStates.Failed, info.State);
        Assert.Equal("flip", info.PipelineName);
        Assert.Equal(TimeSpan.FromSeconds(65), info.Duration(DateTimeOffset.MaxValue));
        Assert.Equal("train: the process exited with code 1", info.Error);
        Assert.Equal((5, 4), (info.Tasks.Total, info.Tasks.Done));
        Assert.Equal([new NamedValue("acc", "0.9"), new NamedValue("name", "m")], info.OutputParameters);
        Assert.Equal("system.Model", Assert.Single(info.OutputArtifacts).SchemaTitle);
        Assert.Equal(["RUNNING", "FAILED"], info.StateHistory.Select(h => h.State));
        Assert.Equal("boom", info.StateHistory[1].Error);
        Assert.True(info.CanRetry);
        Assert.False(info.CanTerminate);
        Assert.Equal("""{"spec":{"retry":3,"terminate":false}}""", RunPatches.Retry(info.Retries));
    }

    [Fact]
    public void From_RunWithoutStatus_IsPendingAndNamedAfterItsSpec()
    {
        var info = RunInfo.From(Run("{}"));

        Assert.Equal(RunStates.Pending, info.State);
        Assert.Equal("from-spec", info.PipelineName);
        Assert.Null(info.Duration(DateTimeOffset.UtcNow));
        Assert.True(info.CanTerminate);
        Assert.False(info.CanRetry);
        Assert.Equal(DateTimeOffset.Parse("2025-06-01T11:00:00Z"), info.CreatedAt);
    }

    [Fact]
    public void Duration_Running_CountsToNow()
    {
        var info = RunInfo.From(Run("""{"state": "RUNNING", "startedAt": "2025-06-01T12:00:00Z"}"""));

        Assert.Equal(TimeSpan.FromSeconds(30), info.Duration(DateTimeOffset.Parse("2025-06-01T12:00:30Z")));
    }

    [Fact]
    public void From_TerminateRequested_CannotTerminateAgain()
    {
        var info = RunInfo.From(Run("""{"state": "RUNNING"}""", """{"terminate": true}"""));

        Assert.False(info.CanTerminate);
    }

    [Fact]
    public void FromRunSpec_RestWrapper_ReturnsTheInnerSpec()
    {
        var spec = JsonNode.Parse("""{"pipelineSpec": {"pipeline_spec": {"root": {}}, "platform_spec": {}}}""");

        Assert.NotNull(PipelineSpecs.FromRunSpec(spec)!["root"]);
    }

    [Theory]
    [InlineData(0.4, "400ms")]
    [InlineData(4.2, "4.2s")]
    [InlineData(42, "42s")]
    [InlineData(192, "3m 12s")]
    [InlineData(7500, "2h 5m")]
    public void Format_Durations_ReadAsAPersonWouldSayThem(double seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
    }
}
