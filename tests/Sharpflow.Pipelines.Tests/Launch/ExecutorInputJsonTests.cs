using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class ExecutorInputJsonTests
{
    [Fact]
    public void ToJson_FullInput_HasTheKfpShape()
    {
        var input = new ExecutorInput
        {
            ParameterValues = new Dictionary<string, JsonNode?> { ["a"] = 1L, ["s"] = "x", ["l"] = new JsonArray(1, 2) },
            Artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["d"] = [LaunchFixture.Dataset("/data/d")] },
            OutputParameterFiles = new Dictionary<string, string> { ["Output"] = "/tmp/kfp/outputs/Output" },
            OutputArtifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>
            {
                ["model"] = [new RuntimeArtifact { Name = "model", Uri = "/data/model", Type = new() { SchemaTitle = "system.Model", SchemaVersion = "0.0.1" }, Metadata = [] }],
            },
            OutputFile = "/tmp/kfp/output_metadata.json",
        };

        Assert.Equal(
            """{"inputs":{"parameterValues":{"a":1,"s":"x","l":[1,2]},"artifacts":{"d":{"artifacts":[{"name":"artifact-17","type":{"schemaTitle":"system.Dataset","schemaVersion":"0.0.1"},"uri":"/data/d","metadata":{}}]}}},"outputs":{"parameters":{"Output":{"outputFile":"/tmp/kfp/outputs/Output"}},"artifacts":{"model":{"artifacts":[{"name":"model","type":{"schemaTitle":"system.Model","schemaVersion":"0.0.1"},"uri":"/data/model","metadata":{}}]}},"outputFile":"/tmp/kfp/output_metadata.json"}}""",
            ExecutorInputJson.ToText(input));
    }

    [Fact]
    public void ToJson_EmptyInput_LeavesEmptyFieldsOut() =>
        Assert.Equal("{}", ExecutorInputJson.ToText(new ExecutorInput()));

    [Fact]
    public void FromJson_ToJsonOutput_RoundTrips()
    {
        var (_, component) = LaunchFixture.Task("metrics_visualization_v2.yaml", "comp-digit-classification");
        var input = LaunchFixture.Input(component, new Dictionary<string, JsonNode?> { ["x"] = 2.5 },
            new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["d"] = [LaunchFixture.Dataset("/data/d", new JsonObject { ["k"] = "v" })] });

        var json = ExecutorInputJson.ToJson(input);
        var back = ExecutorInputJson.FromJson(json);

        Assert.Equal(json.ToJsonString(), ExecutorInputJson.ToJson(back).ToJsonString());
        Assert.Equal("/data/artifacts/pipeline/r-1/train/t-1/metrics", back.OutputArtifacts["metrics"][0].Uri);
    }

    [Fact]
    public void FromJson_ProtoFieldNames_AreAccepted()
    {
        var input = ExecutorInputJson.FromJson(JsonNode.Parse("""
            {"inputs": {"parameter_values": {"n": 3}, "artifacts": {"d": {"artifacts": [{"uri": "/x", "type": {"schema_title": "system.Model"}}]}}},
             "outputs": {"parameters": {"o": {"output_file": "/o"}}, "output_file": "/meta.json"}}
            """)!.AsObject());

        Assert.Equal(3, input.ParameterValues["n"]!.GetValue<int>());
        Assert.Equal("system.Model", input.Artifacts["d"][0].Type!.SchemaTitle);
        Assert.Equal("/o", input.OutputParameterFiles["o"]);
        Assert.Equal("/meta.json", input.OutputFile);
    }
}
