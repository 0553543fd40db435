using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Runs of stored pipelines: by pipeline name (its newest version) and by a version that appears later.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class PipelineVersionRunTests(PipelineServerFixture fixture)
{
    private PipelineServer Pipelines => fixture.Pipelines;

    [Fact]
    public async Task Run_ReferencingPipelineByName_RunsItsNewestVersion()
    {
        await Pipelines.Client.CreateAsync(PipelineVersions.Pipeline("hello"));
        await Pipelines.Client.CreateAsync(PipelineVersions.Of("hello-v1", "hello", AcceptanceFiles.Read("hello_world.yaml")));
        await Pipelines.Client.CreateAsync(PipelineVersions.Of("hello-v2", "hello", AcceptanceFiles.Read("critical/container_component_with_no_inputs.yaml")));

        await Pipelines.Client.CreateAsync(RunOf("by-pipeline-name", new JsonObject { ["pipelineName"] = "hello" }));
        var run = await Pipelines.WaitFinishedAsync("by-pipeline-name");

        Assert.True(run.State == RunStates.Succeeded, run.Describe());
        Assert.Equal("hello-v2", run.Status.PipelineVersion?.Name);
        Assert.Equal(run.Status.PipelineName, AcceptanceFiles.Parse("critical/container_component_with_no_inputs.yaml").Spec.PipelineInfo!.Name);
    }

    [Fact]
    public async Task Run_ReferencingMissingVersion_WaitsPendingUntilItExists()
    {
        await Pipelines.Client.CreateAsync(RunOf("waits-for-version", new JsonObject { ["versionName"] = "late-version" }));
        var pending = await Pipelines.WaitForStateAsync("waits-for-version", TimeSpan.FromSeconds(30), RunStates.Pending);
        Assert.Contains("late-version", pending.Status.Error?.Message, StringComparison.Ordinal);

        await Pipelines.Client.CreateAsync(PipelineVersions.Of("late-version", "late", AcceptanceFiles.Read("hello_world.yaml")));
        var run = await Pipelines.WaitFinishedAsync("waits-for-version");

        Assert.True(run.State == RunStates.Succeeded, run.Describe());
    }

    private static Resource RunOf(string name, JsonObject reference) => new()
    {
        ApiVersion = PipelineKinds.Run.ApiVersion,
        Kind = PipelineKinds.Run.Kind,
        Metadata = new ObjectMeta { Name = name, Namespace = PipelineServer.Namespace },
        Spec = new JsonObject { ["pipelineVersionRef"] = reference },
    };
}
