using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class TaskOutputCollectorTests
{
    private static readonly ComponentSpec Component = new()
    {
        OutputDefinitions = new ComponentIoDefinitions
        {
            Parameters = new Dictionary<string, ParameterDefinition>
            {
                ["s"] = new() { ParameterType = ParameterType.String },
                ["i"] = new() { ParameterType = ParameterType.NumberInteger },
                ["d"] = new() { ParameterType = ParameterType.NumberDouble },
                ["b"] = new() { ParameterType = ParameterType.Boolean },
                ["l"] = new() { ParameterType = ParameterType.List },
                ["m"] = new() { ParameterType = ParameterType.Struct },
            },
            Artifacts = new Dictionary<string, ArtifactDefinition>
            {
                ["model"] = new() { ArtifactType = new() { SchemaTitle = "system.Model", SchemaVersion = "0.0.1" }, Metadata = new JsonObject { ["framework"] = "onnx" } },
            },
        },
    };

    private static readonly ExecutorInput Input = LaunchFixture.Input(Component);

    [Fact]
    public void Collect_ParameterFiles_AreParsedByDeclaredType()
    {
        var files = Files(("s", "Hello world, this is an output parameter\n"), ("i", "12\n"), ("d", " 0.25"), ("b", "True"), ("l", "[1, \"a\"]"), ("m", "{\"k\": {\"n\": 1}}"));

        var outputs = TaskOutputCollector.Collect(Input, Component, files.GetValueOrDefault);

        Assert.Equal("Hello world, this is an output parameter\n", outputs.Parameters["s"]!.GetValue<string>());
        Assert.Equal(12L, outputs.Parameters["i"]!.GetValue<long>());
        Assert.Equal(0.25, outputs.Parameters["d"]!.GetValue<double>());
        Assert.True(outputs.Parameters["b"]!.GetValue<bool>());
        Assert.Equal("""[1,"a"]""", outputs.Parameters["l"]!.ToJsonString());
        Assert.Equal("""{"k":{"n":1}}""", outputs.Parameters["m"]!.ToJsonString());
    }

    [Fact]
    public void Collect_ExecutorOutput_TakesPrecedenceAndUpdatesArtifacts()
    {
        var files = Files(("i", "not read"), ("s", "from file"), ("d", "1"), ("b", "false"), ("l", "[]"), ("m", "{}"));
        files[Input.OutputFile!] = """
            {"parameterValues": {"i": 5},
             "artifacts": {"model": {"artifacts": [{"name": "model", "uri": "/elsewhere/model", "metadata": {"accuracy": 0.9}}]}}}
            """;

        var outputs = TaskOutputCollector.Collect(Input, Component, files.GetValueOrDefault);

        Assert.Equal(5, outputs.Parameters["i"]!.GetValue<int>());
        Assert.Equal("from file", outputs.Parameters["s"]!.GetValue<string>());
        var model = Assert.Single(outputs.Artifacts["model"]);
        Assert.Equal("/elsewhere/model", model.Uri);
        Assert.Equal("""{"framework":"onnx","accuracy":0.9}""", model.Metadata!.ToJsonString());
        Assert.Equal("system.Model", model.Type!.SchemaTitle);
    }

    [Fact]
    public void Collect_LegacyExecutorOutputParameters_AreRead()
    {
        var files = Files(("b", "true"), ("l", "[]"), ("m", "{}"));
        files[Input.OutputFile!] = """{"parameters": {"i": {"intValue": "42"}, "d": {"doubleValue": 0.5}, "s": {"stringValue": "x"}}}""";

        var outputs = TaskOutputCollector.Collect(Input, Component, files.GetValueOrDefault);

        Assert.Equal(42L, outputs.Parameters["i"]!.GetValue<long>());
        Assert.Equal(0.5, outputs.Parameters["d"]!.GetValue<double>());
        Assert.Equal("x", outputs.Parameters["s"]!.GetValue<string>());
    }

    [Fact]
    public void Collect_NoExecutorOutput_KeepsPlannedArtifacts()
    {
        var files = Files(("s", ""), ("i", "1"), ("d", "1"), ("b", "0"), ("l", "[]"), ("m", "{}"));

        var outputs = TaskOutputCollector.Collect(Input, Component, files.GetValueOrDefault);

        Assert.Equal("/data/artifacts/pipeline/r-1/train/t-1/model", outputs.Artifacts["model"][0].Uri);
        Assert.Equal(string.Empty, outputs.Parameters["s"]!.GetValue<string>());
    }

    [Fact]
    public void Collect_MissingParameterFile_FailsNamingTheOutput()
    {
        var error = Assert.Throws<LaunchException>(() => TaskOutputCollector.Collect(Input, Component, Files(("s", "x")).GetValueOrDefault));

        Assert.Contains("output parameter \"i\" was not produced", error.Message, StringComparison.Ordinal);
        Assert.Contains("/work/runs/r-1/t-1/outputs/i", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("i", "3.5", "is not an integer")]
    [InlineData("d", "abc", "is not a number")]
    [InlineData("b", "yes", "is not a boolean")]
    [InlineData("l", "{\"a\": 1}", "expects LIST, got struct")]
    [InlineData("m", "{broken", "is not valid JSON")]
    public void Collect_MalformedParameterFile_FailsNamingTheOutput(string name, string content, string reason)
    {
        var files = Files(("s", "x"), ("i", "1"), ("d", "1"), ("b", "true"), ("l", "[]"), ("m", "{}"));
        files[Input.OutputParameterFiles[name]] = content;

        var error = Assert.Throws<LaunchException>(() => TaskOutputCollector.Collect(Input, Component, files.GetValueOrDefault));

        Assert.Contains($"output parameter \"{name}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_MalformedExecutorOutput_Fails()
    {
        var files = new Dictionary<string, string> { [Input.OutputFile!] = "{not json" };

        var error = Assert.Throws<LaunchException>(() => TaskOutputCollector.Collect(Input, Component, files.GetValueOrDefault));

        Assert.Contains("output_metadata.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Files(params (string Output, string Content)[] files) =>
        files.ToDictionary(f => Input.OutputParameterFiles[f.Output], f => f.Content);
}
