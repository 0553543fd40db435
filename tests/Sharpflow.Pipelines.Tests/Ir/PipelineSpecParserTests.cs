using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Tests.Ir;

public class PipelineSpecParserTests
{
    [Theory]
    [MemberData(nameof(AcceptanceFiles.All), MemberType = typeof(AcceptanceFiles))]
    public void Parse_AcceptanceFile_ReadsRootAndEveryComponent(string name)
    {
        var package = AcceptanceFiles.Parse(name);

        Assert.False(string.IsNullOrEmpty(package.Spec.PipelineInfo?.Name));
        Assert.NotNull(package.Spec.Root?.Dag);
        Assert.NotEmpty(package.Spec.Root!.Dag!.Tasks);
        Assert.Equal(package.SpecJson["components"]!.AsObject().Count, package.Spec.Components.Count);
        Assert.Equal("2.1.0", package.Spec.SchemaVersion);
        Assert.StartsWith("kfp-", package.Spec.SdkVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyCachingOptions_MeansCachingOff()
    {
        var spec = AcceptanceFiles.Parse("critical/collected_parameters.yaml").Spec;

        var task = spec.Root!.Dag!.Tasks["collecting-parameters"];
        Assert.NotNull(task.CachingOptions);
        Assert.False(task.CacheEnabled);
        Assert.True(spec.Components["comp-collecting-parameters"].Dag!.Tasks["split-ids"].CacheEnabled);
    }

    [Fact]
    public void Parse_AbsentCachingOptions_MeansCachingOff()
    {
        var task = AcceptanceFiles.Parse("parallel_and_nested/pipeline_with_loops.yaml").Spec.Root!.Dag!.Tasks["for-loop-1"];

        Assert.Null(task.CachingOptions);
        Assert.False(task.CacheEnabled);
    }

    [Fact]
    public void Parse_Loops_ReadsIteratorsSelectorsAndDefaults()
    {
        var spec = AcceptanceFiles.Parse("parallel_and_nested/pipeline_with_loops.yaml").Spec;
        var tasks = spec.Root!.Dag!.Tasks;

        Assert.Equal("pipelinechannel--loop_parameter", tasks["for-loop-1"].ParameterIterator!.Items!.InputParameter);
        Assert.Equal("pipelinechannel--loop_parameter-loop-item", tasks["for-loop-1"].ParameterIterator!.ItemInput);
        Assert.Equal("""[{"A_a": "1", "B_b": "2"}, {"A_a": "10", "B_b": "20"}]""", tasks["for-loop-4"].ParameterIterator!.Items!.Raw);
        Assert.True(tasks["for-loop-1"].IsLoop);
        Assert.Equal(["args-generator-op"], tasks["for-loop-2"].UpstreamTasks());
        var selector = spec.Components["comp-for-loop-2"].Dag!.Tasks["print-text-2"].InputParameters["msg"];
        Assert.Equal("parseJson(string_value)[\"A_a\"]", selector.ParameterExpressionSelector);
        Assert.Equal("pipelinechannel--args-generator-op-Output-loop-item", selector.ComponentInputParameter);
        var loopParameter = spec.Root.InputParameters["loop_parameter"];
        Assert.Equal(ParameterType.List, loopParameter.ParameterType);
        Assert.True(loopParameter.IsOptional);
        Assert.Equal("""["a","b"]""", loopParameter.DefaultValue!.ToJsonString());
    }

    [Fact]
    public void Parse_RetryPolicy_ReadsDurationsAndFactor()
    {
        var retry = AcceptanceFiles.Parse("critical/pipeline_with_retry.yaml").Spec.Root!.Dag!.Tasks["add"].RetryPolicy!;

        Assert.Equal(3, retry.MaxRetryCount);
        Assert.Equal(2.0, retry.BackoffFactor);
        Assert.Equal(TimeSpan.Zero, retry.DelayBeforeRetry(1));
        Assert.Equal(TimeSpan.FromHours(1), retry.RetryWindow);
    }

    [Fact]
    public void Parse_ExitHandler_ReadsStrategyAndFinalStatus()
    {
        var spec = AcceptanceFiles.Parse("pipeline_with_task_final_status_yaml.yaml").Spec;
        var exit = spec.Root!.Dag!.Tasks["exit-op"];

        Assert.Equal(TriggerStrategy.AllUpstreamTasksCompleted, exit.Strategy);
        Assert.Equal("exit-handler-1", exit.InputParameters["status"].TaskFinalStatus!.ProducerTask);
        Assert.Equal(ParameterType.TaskFinalStatus, spec.Components["comp-exit-op"].InputParameters["status"].ParameterType);
        Assert.Equal("my-pipeline", spec.Root.Dag.Tasks["exit-handler-1"].TaskInfo!.Name);
    }

    [Fact]
    public void Parse_Importer_ReadsUriMetadataAndReimport()
    {
        var spec = AcceptanceFiles.Parse("pipeline_with_importer.yaml").Spec;

        var importer = spec.FindExecutor("exec-importer")!.Importer!;
        Assert.Equal("gs://ml-pipeline-playground/shakespeare1.txt", importer.ArtifactUri!.Constant!.GetValue<string>());
        Assert.Equal("value", importer.Metadata!["key"]!.GetValue<string>());
        Assert.Equal("system.Dataset", importer.TypeSchema!.SchemaTitle);
        Assert.False(importer.Reimport);
        var second = spec.FindExecutor("exec-importer-2")!.Importer!;
        Assert.Equal("uri", second.ArtifactUri!.RuntimeParameter);
        Assert.True(second.Reimport);
        Assert.Equal("inputs.parameter_values['pipelinechannel--train-scalar'] == '123'",
            spec.Root!.Dag!.Tasks["condition-1"].TriggerPolicy!.Condition);
    }

    [Fact]
    public void Parse_NestedPipeline_ReadsDagOutputs()
    {
        var spec = AcceptanceFiles.Parse("essential/pipeline_with_outputs.yaml").Spec;

        var inner = spec.Components["comp-inner-pipeline"].Dag!.Outputs!;
        Assert.Equal("print-op1", inner.Parameters["msg"].ValueFromParameter!.ProducerSubtask);
        Assert.Equal("Output", inner.Parameters["msg"].ValueFromParameter!.OutputParameterKey);
        Assert.Equal("print-op2", Assert.Single(inner.Artifacts["data"].ArtifactSelectors).ProducerSubtask);
        Assert.Equal("inner-pipeline", Assert.Single(spec.Root!.Dag!.Outputs!.Artifacts["Output"].ArtifactSelectors).ProducerSubtask);
    }

    [Fact]
    public void Parse_Container_ReadsCommandArgsAndImage()
    {
        var container = AcceptanceFiles.Parse("critical/two_step_pipeline_containerized.yaml").Spec.FindExecutor("exec-component1")!.Container!;

        Assert.Equal("alpine", container.Image);
        Assert.Equal(["sh", "-c", "mkdir --parents $(dirname \"$1\") && echo \"$0\" > \"$1\""], container.Command);
        Assert.Equal(["{{$.inputs.parameters['text']}}", "{{$.outputs.artifacts['output_gcs'].path}}"], container.Args);
    }

    [Fact]
    public void Parse_PlatformsDocument_KeepsExecutorConfigAsJson()
    {
        var yaml = AcceptanceFiles.Read("hello_world.yaml") + """
            ---
            platforms:
              kubernetes:
                deploymentSpec:
                  executors:
                    exec-hello-world:
                      secretAsEnv:
                      - secretName: creds
                        keyToEnv:
                        - secretKey: token
                          envVar: TOKEN
                pipelineConfig:
                  workspace:
                    size: 1Gi
            """;

        var package = PipelineSpecParser.Parse(yaml);

        Assert.Equal("creds", package.KubernetesExecutorConfig("exec-hello-world")!["secretAsEnv"]![0]!["secretName"]!.GetValue<string>());
        Assert.Null(package.KubernetesExecutorConfig("exec-other"));
        Assert.Equal("1Gi", package.KubernetesPipelineConfig!["workspace"]!["size"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_Json_ReadsTheSameSpecAsYaml()
    {
        var fromYaml = AcceptanceFiles.Parse("critical/flip_coin.yaml");

        var fromJson = PipelineSpecParser.Parse(fromYaml.SpecJson.ToJsonString());

        Assert.Equal(fromYaml.Spec.Components.Keys, fromJson.Spec.Components.Keys);
        Assert.Equal(fromYaml.Spec.Root!.Dag!.Tasks.Keys, fromJson.Spec.Root!.Dag!.Tasks.Keys);
        Assert.Equal(9.0, fromJson.Spec.Components["comp-condition-1"].Dag!.Tasks["random-num"]
            .InputParameters["high"].RuntimeValue!.Constant!.GetValue<double>());
    }

    [Fact]
    public void Parse_RestWrapper_UnwrapsSpecAndPlatformSpec()
    {
        var spec = AcceptanceFiles.Parse("hello_world.yaml").SpecJson;
        var wrapper = new JsonObject
        {
            ["pipeline_spec"] = spec.DeepClone(),
            ["platform_spec"] = new JsonObject { ["platforms"] = new JsonObject { ["kubernetes"] = new JsonObject() } },
        };

        var package = PipelineSpecParser.Parse(wrapper);

        Assert.Equal("echo", package.Spec.PipelineInfo!.Name);
        Assert.NotNull(package.PlatformSpec);
    }

    [Fact]
    public void Parse_NullFields_TakeProtoDefaults()
    {
        var package = PipelineSpecParser.Parse("""
            pipelineInfo: {name: p}
            root:
              dag:
                tasks:
                  t:
                    componentRef: {name: comp-t}
                    dependentTasks:
                    cachingOptions:
                    inputs:
                      parameters:
                        x:
                          runtimeValue:
                            constant:
            components:
              comp-t:
                executorLabel: exec-t
            deploymentSpec:
              executors:
                exec-t:
                  container:
                    image: alpine
                    args:
            """);

        var task = package.Spec.Root!.Dag!.Tasks["t"];
        Assert.Empty(task.DependentTasks);
        Assert.False(task.CacheEnabled);
        Assert.Null(task.InputParameters["x"].RuntimeValue!.Constant);
        Assert.Empty(package.Spec.FindExecutor("exec-t")!.Container!.Args);
    }

    [Fact]
    public void Parse_WrongFieldShape_NamesThePath()
    {
        var error = Assert.Throws<ResourceException>(() => PipelineSpecParser.Parse("""
            pipelineInfo: {name: p}
            root:
              dag:
                tasks:
                  train:
                    cachingOptions: {enableCache: [1]}
            """));

        Assert.Equal(400, error.Code);
        Assert.Contains("root.dag.tasks.train.cachingOptions.enableCache", error.Message, StringComparison.Ordinal);
        Assert.Equal("root.dag.tasks.train.cachingOptions.enableCache", Assert.Single(error.Status.Details!.Causes!).Field);
    }

    [Fact]
    public void Parse_MalformedYaml_NamesLineAndColumn()
    {
        var error = Assert.Throws<ResourceException>(() => PipelineSpecParser.Parse("pipelineInfo:\n  name: [unclosed\n"));

        Assert.Equal(400, error.Code);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_NamesLineAndColumn()
    {
        var error = Assert.Throws<ResourceException>(() => PipelineSpecParser.Parse("{\n \"pipelineInfo\": {\"name\": }\n}"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoPipelineSpecs_IsRejected()
    {
        var hello = AcceptanceFiles.Read("hello_world.yaml");

        var error = Assert.Throws<ResourceException>(() => PipelineSpecParser.Parse(hello + "\n---\n" + hello));

        Assert.Contains("more than one PipelineSpec", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.root.dag.tasks.train.inputs", "root.dag.tasks.train.inputs")]
    [InlineData("$.components['comp-a'].dag", "components.comp-a.dag")]
    [InlineData("$.root.dag.tasks['a.b'].dependentTasks[1]", "root.dag.tasks.a.b.dependentTasks[1]")]
    public void FieldPath_JsonPath_BecomesDottedPath(string jsonPath, string expected) =>
        Assert.Equal(expected, PipelineSpecParser.FieldPath(jsonPath));
}
