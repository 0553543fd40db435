using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class CommandLineResolverTests
{
    private const string IfPresentFile = "essential/placeholder_with_if_placeholder_none_input_value.yaml";
    private const string IfPresentComponent = "comp-component-with-optional-inputs";

    [Fact]
    public void Resolve_IfPresentWithNoneInput_GivesTheManifestArgv()
    {
        var line = LaunchFixture.Resolve(IfPresentFile, IfPresentComponent, Parameters(("required_input", "input0")));

        Assert.Equal(["echo", "--arg0", "input0", "--arg2", "default value"], line.Command.Concat(line.Args));
    }

    [Fact]
    public void Resolve_IfPresentWithInputs_TakesTheThenBranches()
    {
        var line = LaunchFixture.Resolve(IfPresentFile, IfPresentComponent,
            Parameters(("required_input", "r"), ("optional_input_1", "one"), ("optional_input_2", "two")));

        Assert.Equal(["--arg0", "r", "--arg1", "one", "--arg2", "two"], line.Args);
    }

    [Fact]
    public void Resolve_IfPresentWithNullInput_CountsItAbsent()
    {
        var line = LaunchFixture.Resolve(IfPresentFile, IfPresentComponent, Parameters(("required_input", "r"), ("optional_input_1", null)));

        Assert.Equal(["--arg0", "r", "--arg2", "default value"], line.Args);
    }

    [Fact]
    public void Resolve_Concat_JoinsIntoOneArgument()
    {
        var line = LaunchFixture.Resolve("pipeline_with_concat_placeholder.yaml", "comp-component-with-concat-placeholder",
            Parameters(("input_one", "one"), ("input_two", "two")));

        Assert.Equal(["sh", "-ec"], line.Command);
        Assert.Equal(["echo \"$0\" > /tmp/test && [[ \"$0\" == 'one+two=three' ]]", "one+two=three"], line.Args);
    }

    [Fact]
    public void Resolve_TwoParametersInOneArgument_SubstitutesBoth()
    {
        var line = LaunchFixture.Resolve("arguments_parameters.yaml", "comp-echo", Parameters(("param1", "hello"), ("param2", "world")));

        Assert.Equal(["echo"], line.Command);
        Assert.Equal(["hello-world"], line.Args);
    }

    [Fact]
    public void Resolve_OutputArtifactPath_IsTheUriOfAFileSystemRoot()
    {
        var line = LaunchFixture.Resolve("critical/two_step_pipeline_containerized.yaml", "comp-component1", Parameters(("text", "Hello")));

        Assert.Equal(["Hello", "/data/artifacts/pipeline/r-1/train/t-1/output_gcs"], line.Args);
    }

    [Fact]
    public void Resolve_InputArtifactPath_MapsRemoteUris()
    {
        var artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["input_gcs"] = [LaunchFixture.Dataset("minio://mlpipeline/v2/artifacts/p/r/t/s/output_gcs")] };

        var line = LaunchFixture.Resolve("critical/two_step_pipeline_containerized.yaml", "comp-component2", artifacts: artifacts);

        Assert.Equal(["cat", "/minio/mlpipeline/v2/artifacts/p/r/t/s/output_gcs"], line.Command.Concat(line.Args));
    }

    [Fact]
    public void Resolve_OutputParameterFile_IsUnderTheTaskRoot()
    {
        var line = LaunchFixture.Resolve("critical/producer_consumer_param_pipeline.yaml", "comp-producer", Parameters(("input_text", "Hello world")));

        Assert.Equal("Hello world", line.Command[3]);
        Assert.Equal("/work/runs/r-1/t-1/outputs/output_value", line.Command[4]);
    }

    [Fact]
    public void Resolve_ListParameter_IsCompactJson()
    {
        var line = LaunchFixture.Resolve("critical/parameters_simple.yaml", "comp-add-container", Parameters(("nums", new JsonArray(2, 4.0, 6))));

        Assert.Contains("echo [2,4,6] | jq 'add' > /work/runs/r-1/t-1/outputs/sum", line.Args[0], StringComparison.Ordinal);
        Assert.Contains("mkdir -p $(dirname /work/runs/r-1/t-1/outputs/sum)", line.Args[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FinalStatusParameter_IsCompactJson()
    {
        var status = TaskFinalStatusValue.Create("FAILED", "runs/r-1", "my-pipeline", 1, "boom");

        var line = LaunchFixture.Resolve("pipeline_with_task_final_status_yaml.yaml", "comp-exit-op",
            Parameters(("user_input", "Hello World!"), ("status", status)));

        Assert.Equal(
            ["echo", "user input:", "Hello World!", "pipeline status:",
                """{"state":"FAILED","pipelineJobResourceName":"runs/r-1","pipelineTaskName":"my-pipeline","error":{"code":1,"message":"boom"}}"""],
            line.Command);
    }

    [Fact]
    public void Resolve_ExecutorInputPlaceholder_IsTheWholeInputInKfpNaming()
    {
        var line = LaunchFixture.Resolve("critical/pipeline_with_retry.yaml", "comp-add", Parameters(("a", 1.0), ("b", 7.5)));

        Assert.Equal("--executor_input", line.Args[0]);
        Assert.Equal(
            """{"inputs":{"parameterValues":{"a":1,"b":7.5}},"outputs":{"parameters":{"Output":{"outputFile":"/work/runs/r-1/t-1/outputs/Output"}},"outputFile":"/work/runs/r-1/t-1/output_metadata.json"}}""",
            line.Args[1]);
        Assert.Equal(["--function_to_execute", "add"], line.Args.Skip(2));
    }

    [Fact]
    public void Resolve_ExecutorInputPlaceholder_HasDefaultsApplied()
    {
        var (container, component) = LaunchFixture.Task("critical/pipeline_with_retry.yaml", "comp-add");
        var withDefaults = component with
        {
            InputDefinitions = new ComponentIoDefinitions
            {
                Parameters = new Dictionary<string, ParameterDefinition>
                {
                    ["a"] = new() { ParameterType = ParameterType.NumberDouble },
                    ["b"] = new() { ParameterType = ParameterType.NumberDouble, IsOptional = true, DefaultValue = 2.0 },
                },
            },
        };

        var line = CommandLineResolver.Resolve(container, LaunchFixture.Input(withDefaults, Parameters(("a", 1.0))), withDefaults, LaunchFixture.Context, ArtifactPaths.Kfp);

        Assert.Equal(2.0, JsonNode.Parse(line.Args[1])!["inputs"]!["parameterValues"]!["b"]!.GetValue<double>());
        Assert.Equal(2.0, line.LaunchInput.ParameterValues["b"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(2.5, "2.5")]
    [InlineData(-0.125, "-0.125")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1e-7, "0.0000001")]
    public void Resolve_NumberParameter_IsShortestDecimalWithoutExponent(double value, string expected) =>
        Assert.Equal([expected], Custom(["{{$.inputs.parameters['x']}}"], Parameters(("x", value))).Args);

    [Fact]
    public void Resolve_BoolAndStructParameters_AreLowerCaseAndJson() =>
        Assert.Equal(
            ["true", """{"a":[1,"x"],"b":null}""", "text with {braces}"],
            Custom(
                ["{{$.inputs.parameters['flag']}}", "{{$.inputs.parameters['config']}}", "{{$.inputs.parameters['s']}}"],
                Parameters(("flag", true), ("config", JsonNode.Parse("""{"a": [1.0, "x"], "b": null}""")), ("s", "text with {braces}"))).Args);

    [Fact]
    public void Resolve_IfPresentJudgedBeforeDefaults_ButValueHasTheDefault()
    {
        var component = new ComponentSpec
        {
            InputDefinitions = new ComponentIoDefinitions
            {
                Parameters = new Dictionary<string, ParameterDefinition>
                {
                    ["opt"] = new() { ParameterType = ParameterType.String, IsOptional = true, DefaultValue = "dflt" },
                },
            },
        };
        var container = new ContainerSpec
        {
            Image = "busybox",
            Command = ["""{"IfPresent": {"InputName": "opt", "Then": ["--opt"], "Else": ["--no-opt"]}}""", "{{$.inputs.parameters['opt']}}"],
        };

        var line = CommandLineResolver.Resolve(container, new ExecutorInput(), component, LaunchFixture.Context, ArtifactPaths.Kfp);

        Assert.Equal(["--no-opt", "dflt"], line.Command);
    }

    [Fact]
    public void Resolve_InputWithoutValueOrDefault_RendersNull() =>
        Assert.Equal(["--x=null"], Custom(["--x={{$.inputs.parameters['missing']}}"], Parameters()).Args);

    [Fact]
    public void Resolve_IfPresentInCommandOnArtifact_ExpandsInCommand()
    {
        var container = new ContainerSpec
        {
            Image = "python:3.11",
            Command = ["cat", """{"IfPresent": {"InputName": "data", "Then": ["{{$.inputs.artifacts['data'].path}}"], "Else": ["/dev/null"]}}"""],
        };
        var present = new ExecutorInput { Artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["data"] = [LaunchFixture.Dataset("/data/d")] } };

        Assert.Equal(["cat", "/data/d"], CommandLineResolver.Resolve(container, present, new ComponentSpec(), LaunchFixture.Context, ArtifactPaths.Kfp).Command);
        Assert.Equal(["cat", "/dev/null"], CommandLineResolver.Resolve(container, new ExecutorInput(), new ComponentSpec(), LaunchFixture.Context, ArtifactPaths.Kfp).Command);
    }

    [Fact]
    public void Resolve_NestedStructures_ExpandRecursively()
    {
        var args = Custom(
            [
                """{"Concat": ["--name=", {"IfPresent": {"InputName": "n", "Then": "{{$.inputs.parameters['n']}}", "Else": "anon"}}, "-", {"Concat": ["a", "b"]}]}""",
                """{"IfPresent": {"InputName": "n", "Then": [{"Concat": ["--n=", "{{$.inputs.parameters['n']}}"]}, "--verbose"]}}""",
                """{"IfPresent": {"InputName": "missing", "Then": ["--never"]}}""",
            ],
            Parameters(("n", "bob"))).Args;

        Assert.Equal(["--name=bob-ab", "--n=bob", "--verbose"], args);
    }

    [Fact]
    public void Resolve_JsonLookingArgumentThatIsNotAStructure_StaysAsWritten() =>
        Assert.Equal(["""{"Concat": broken""", """{"key": "value"}"""], Custom(["""{"Concat": broken""", """{"key": "value"}"""], Parameters()).Args);

    [Fact]
    public void Resolve_JobAndTaskPlaceholders_ComeFromTheContext() =>
        Assert.Equal(
            ["my run", "runs/r-1", "r-1", "train", "t-1", "/data/artifacts", "2025-03-04T03:06:07Z", ""],
            Custom(
                [
                    "{{$.pipeline_job_name}}", "{{$.pipeline_job_resource_name}}", "{{$.pipeline_job_uuid}}", "{{$.pipeline_task_name}}",
                    "{{$.pipeline_task_uuid}}", "{{$.pipeline_root}}", "{{$.pipeline_job_create_time_utc}}", "{{$.pipeline_job_schedule_time_utc}}",
                ],
                Parameters()).Args);

    [Fact]
    public void Resolve_ArtifactAttributes_GiveUriNameMetadataAndList()
    {
        var input = new ExecutorInput
        {
            Artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>
            {
                ["d"] = [LaunchFixture.Dataset("gs://bucket/d", new JsonObject { ["rows"] = 10, ["split"] = "train" })],
            },
            OutputArtifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>> { ["m"] = [LaunchFixture.Dataset("s3://b/m")] },
            OutputFile = "/tmp/out.json",
        };
        var container = new ContainerSpec
        {
            Image = "x",
            Args =
            [
                "{{$.inputs.artifacts['d'].uri}}", "{{$.inputs.artifacts['d'].path}}", "{{$.inputs.artifacts[\"d\"].name}}",
                "{{$.inputs.artifacts['d'].metadata}}", "{{$.inputs.artifacts['d'].metadata['rows']}}", "{{$.inputs.artifacts['d'].metadata['none']}}",
                "{{$.outputs.artifacts['m'].path}}", "{{$.outputs.artifacts['m'].uri}}", "{{$.outputs.output_file}}", "{{$.outputMetadataUri}}",
                "{{$.inputs.artifacts['d']}}", "{{$.inputs.artifacts['absent'].uri}}",
            ],
        };

        var args = CommandLineResolver.Resolve(container, input, new ComponentSpec(), LaunchFixture.Context, ArtifactPaths.Kfp).Args;

        Assert.Equal(
            [
                "gs://bucket/d", "/gcs/bucket/d", "artifact-17", """{"rows":10,"split":"train"}""", "10", "null",
                "/s3/b/m", "s3://b/m", "/tmp/out.json", "/tmp/out.json",
                """[{"name":"artifact-17","type":{"schemaTitle":"system.Dataset","schemaVersion":"0.0.1"},"uri":"gs://bucket/d","metadata":{"rows":10,"split":"train"}}]""",
                "null",
            ],
            args);
    }

    [Fact]
    public void Resolve_UnknownPlaceholder_StaysAsWritten() =>
        Assert.Equal(["{{$.unknown}} {{$.inputs.parameters[x]}} {{ plain }}"], Custom(["{{$.unknown}} {{$.inputs.parameters[x]}} {{ plain }}"], Parameters()).Args);

    [Fact]
    public void Resolve_WorkspaceWithoutWorkspace_Fails() =>
        Assert.Throws<LaunchException>(() => Custom(["{{$.workspace_path}}"], Parameters()));

    [Fact]
    public void Resolve_EnvValues_AreSubstituted()
    {
        var container = new ContainerSpec { Image = "x", Env = [new EnvVar { Name = "RUN", Value = "{{$.pipeline_job_uuid}}" }, new EnvVar { Name = "PLAIN", Value = "v" }] };

        var line = CommandLineResolver.Resolve(container, new ExecutorInput(), new ComponentSpec(), LaunchFixture.Context, ArtifactPaths.Kfp);

        Assert.Equal(new Dictionary<string, string> { ["RUN"] = "r-1", ["PLAIN"] = "v" }, line.Env);
    }

    private static ResolvedCommandLine Custom(IReadOnlyList<string> args, IReadOnlyDictionary<string, JsonNode?> parameters) =>
        CommandLineResolver.Resolve(new ContainerSpec { Image = "x", Args = args }, new ExecutorInput { ParameterValues = parameters },
            new ComponentSpec(), LaunchFixture.Context, ArtifactPaths.Kfp);

    private static Dictionary<string, JsonNode?> Parameters(params (string Name, JsonNode? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
