using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Tests.Engine.Support;

namespace Sharpflow.Pipelines.Tests.Engine;

/// <summary>Invalid runs and pipeline versions are refused with 422, each problem naming its field path.</summary>
[Collection(PipelineServerCollection.Name)]
public sealed class ValidationTests(PipelineServerFixture fixture)
{
    private PipelineServer Pipelines => fixture.Pipelines;

    [Fact]
    public async Task Create_RunWithDanglingProducerTask_IsRejectedNamingThePath()
    {
        var pipeline = TestPipelines.Read("conditions.yaml").Replace("producerTask: produce, outputParameterKey: out}\n      condition-4", "producerTask: nowhere, outputParameterKey: out}\n      condition-4", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ResourceException>(() => Pipelines.SubmitAsync("invalid-producer", pipeline));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "spec.pipelineSpec.root.dag.tasks.condition-branches-1.inputs.parameters.pipelinechannel--produce-out"
            && c.Message!.Contains("nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_RunWithUnknownComponent_IsRejectedNamingThePath()
    {
        var pipeline = TestPipelines.Read("three-steps.yaml").Replace("componentRef: {name: comp-gate}", "componentRef: {name: comp-missing}", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ResourceException>(() => Pipelines.SubmitAsync("invalid-component", pipeline));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "spec.pipelineSpec.root.dag.tasks.second.componentRef.name");
    }

    [Fact]
    public async Task Create_RunWithParameterOfWrongType_IsRejectedNamingTheParameter()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() =>
            Pipelines.SubmitAsync("invalid-parameter", TestPipelines.Read("conditions.yaml"), new JsonObject { ["n"] = "seven" }));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "spec.runtimeConfig.parameters.n");
    }

    [Fact]
    public async Task Create_RunWithoutPipeline_IsRejected()
    {
        var run = new Resource
        {
            ApiVersion = PipelineKinds.Run.ApiVersion,
            Kind = PipelineKinds.Run.Kind,
            Metadata = new ObjectMeta { Name = "invalid-empty", Namespace = PipelineServer.Namespace },
            Spec = new JsonObject { ["displayName"] = "nothing to run" },
        };

        var error = await Assert.ThrowsAsync<ResourceException>(() => Pipelines.Client.CreateAsync(run));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field == "spec.pipelineSpec");
    }

    [Fact]
    public async Task Create_PipelineVersionWithDependencyCycle_IsRejected()
    {
        var pipeline = TestPipelines.Read("three-steps.yaml").Replace(
            "componentRef: {name: comp-count}\n        inputs:\n          parameters:\n            dir: {componentInputParameter: dir}\n            name: {runtimeValue: {constant: first}}",
            "componentRef: {name: comp-count}\n        dependentTasks: [third]\n        inputs:\n          parameters:\n            dir: {componentInputParameter: dir}\n            name: {runtimeValue: {constant: first}}",
            StringComparison.Ordinal);
        var version = PipelineVersions.Of("invalid-cycle", "cycles", pipeline);

        var error = await Assert.ThrowsAsync<ResourceException>(() => Pipelines.Client.CreateAsync(version));

        Assert.Equal(422, error.Code);
        Assert.Contains(error.Status.Details!.Causes!, c => c.Field!.StartsWith("spec.pipelineSpec.root.dag", StringComparison.Ordinal));
    }
}
