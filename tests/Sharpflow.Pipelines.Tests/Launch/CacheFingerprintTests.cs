using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class CacheFingerprintTests
{
    private static readonly (ContainerSpec Container, ComponentSpec Component) Train = LaunchFixture.Task("pipeline_with_importer.yaml", "comp-train");

    [Fact]
    public void BuildKey_Task_HasTheCacheKeyShape()
    {
        var key = CacheFingerprint.BuildKey(Input(), Train.Component, Train.Container);

        Assert.Equal(["inputArtifactNames", "outputArtifactsSpec", "outputParametersSpec", "containerSpec"], key.Select(p => p.Key));
        Assert.Equal("""{"dataset":{"artifactNames":["artifact-17"]}}""", key["inputArtifactNames"]!.ToJsonString());
        Assert.Equal("""{"model":{"name":"model","type":{"schemaTitle":"system.Model","schemaVersion":"0.0.1"},"metadata":{}}}""", key["outputArtifactsSpec"]!.ToJsonString());
        Assert.Equal("""{"scalar":"STRING"}""", key["outputParametersSpec"]!.ToJsonString());
        Assert.Equal("python:3.11", key["containerSpec"]!["image"]!.GetValue<string>());
        Assert.Equal(Train.Container.Command.Count + Train.Container.Args.Count, key["containerSpec"]!["cmdArgs"]!.AsArray().Count);
    }

    [Fact]
    public void Compute_SameInputs_GiveTheSameSha256()
    {
        var first = CacheFingerprint.Compute(Input(), Train.Component, Train.Container);

        Assert.Equal(first, CacheFingerprint.Compute(Input(), Train.Component, Train.Container));
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Compute_ParameterOrder_DoesNotMatter()
    {
        var one = new ExecutorInput { ParameterValues = new Dictionary<string, JsonNode?> { ["a"] = 1L, ["b"] = "x" } };
        var other = new ExecutorInput { ParameterValues = new Dictionary<string, JsonNode?> { ["b"] = "x", ["a"] = 1.0 } };

        Assert.Equal(
            CacheFingerprint.Compute(one, Train.Component, Train.Container),
            CacheFingerprint.Compute(other, Train.Component, Train.Container));
    }

    [Fact]
    public void Compute_OutputUriAndTaskRoot_DoNotMatter()
    {
        var elsewhere = Input() with
        {
            OutputArtifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>
            {
                ["model"] = [Input().OutputArtifacts["model"][0] with { Uri = "/other/run/model" }],
            },
            OutputParameterFiles = new Dictionary<string, string> { ["scalar"] = "/other/outputs/scalar" },
            OutputFile = "/other/output_metadata.json",
        };

        Assert.Equal(
            CacheFingerprint.Compute(Input(), Train.Component, Train.Container),
            CacheFingerprint.Compute(elsewhere, Train.Component, Train.Container));
    }

    public static TheoryData<string> Changes => ["parameter", "new parameter", "artifact", "image", "command", "args", "pvc", "output type", "output metadata"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Compute_AnyKeyChange_ChangesTheFingerprint(string change)
    {
        var input = Input() with { ParameterValues = new Dictionary<string, JsonNode?> { ["p"] = "v" } };
        var container = Train.Container;
        var component = Train.Component;
        IReadOnlyList<string>? pvcs = null;
        var baseline = CacheFingerprint.Compute(input, component, container);

        switch (change)
        {
            case "parameter":
                input = input with { ParameterValues = new Dictionary<string, JsonNode?> { ["p"] = "w" } };
                break;
            case "new parameter":
                input = input with { ParameterValues = new Dictionary<string, JsonNode?> { ["p"] = "v", ["q"] = null } };
                break;
            case "artifact":
                input = input with { Artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["dataset"] = [LaunchFixture.Dataset("/data/d") with { Name = "artifact-18" }] } };
                break;
            case "image":
                container = container with { Image = "python:3.12" };
                break;
            case "command":
                container = container with { Command = [.. container.Command, "extra"] };
                break;
            case "args":
                container = container with { Args = [.. container.Args, "--verbose"] };
                break;
            case "pvc":
                pvcs = ["workspace"];
                break;
            case "output type":
                component = component with
                {
                    OutputDefinitions = component.OutputDefinitions! with
                    {
                        Parameters = new Dictionary<string, ParameterDefinition> { ["scalar"] = new() { ParameterType = ParameterType.NumberInteger } },
                    },
                };
                break;
            case "output metadata":
                input = input with
                {
                    OutputArtifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>
                    {
                        ["model"] = [input.OutputArtifacts["model"][0] with { Metadata = new JsonObject { ["v"] = 2 } }],
                    },
                };
                break;
        }

        Assert.NotEqual(baseline, CacheFingerprint.Compute(input, component, container, pvcs));
    }

    [Fact]
    public void Compute_PvcNames_AreDeduplicatedAndSorted() =>
        Assert.Equal(
            CacheFingerprint.Compute(Input(), Train.Component, Train.Container, ["b", "a"]),
            CacheFingerprint.Compute(Input(), Train.Component, Train.Container, ["a", "b", "a"]));

    [Fact]
    public void Compute_OutputNotDeclared_Fails()
    {
        var input = Input() with { OutputParameterFiles = new Dictionary<string, string> { ["other"] = "/x" } };

        Assert.Throws<LaunchException>(() => CacheFingerprint.Compute(input, Train.Component, Train.Container));
    }

    private static ExecutorInput Input() => LaunchFixture.Input(
        Train.Component,
        artifacts: new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["dataset"] = [LaunchFixture.Dataset("gs://ml-pipeline-playground/shakespeare1.txt")] });
}
