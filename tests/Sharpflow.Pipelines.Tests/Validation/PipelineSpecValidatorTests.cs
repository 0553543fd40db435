using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Validation;

namespace Sharpflow.Pipelines.Tests.Validation;

public class PipelineSpecValidatorTests
{
    [Theory]
    [MemberData(nameof(AcceptanceFiles.All), MemberType = typeof(AcceptanceFiles))]
    public void Validate_AcceptanceFile_HasNoProblems(string name) =>
        Assert.Empty(PipelineSpecValidator.Validate(AcceptanceFiles.Parse(name).Spec).Select(p => p.ToString()));

    [Fact]
    public void Validate_MisspelledComponent_NamesTheReference() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json => Task(json, "consumer")["componentRef"]!["name"] = "comp-consumr"),
            "root.dag.tasks.consumer.componentRef.name", "component \"comp-consumr\" is not defined");

    [Fact]
    public void Validate_ProducerOutsideTheDag_NamesTheInput() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json =>
                Task(json, "consumer")["inputs"]!["parameters"]!["input_value"]!["taskOutputParameter"]!["producerTask"] = "prep"),
            "root.dag.tasks.consumer.inputs.parameters.input_value", "producer task \"prep\" is not a task of this DAG");

    [Fact]
    public void Validate_UndeclaredOutputKey_NamesProducerAndKey() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json =>
                Task(json, "consumer")["inputs"]!["parameters"]!["input_value"]!["taskOutputParameter"]!["outputParameterKey"] = "result"),
            "root.dag.tasks.consumer.inputs.parameters.input_value",
            "task \"producer\" (component \"comp-producer\") has no output parameter \"result\"");

    [Fact]
    public void Validate_UndeclaredArtifactKey_NamesProducerAndKey() =>
        AssertProblem(
            Broken("critical/two_step_pipeline_containerized.yaml", json =>
                Task(json, "component2")["inputs"]!["artifacts"]!["input_gcs"]!["taskOutputArtifact"]!["outputArtifactKey"] = "output_gc"),
            "root.dag.tasks.component2.inputs.artifacts.input_gcs",
            "task \"component1\" (component \"comp-component1\") has no output artifact \"output_gc\"");

    [Fact]
    public void Validate_UnknownExecutorLabel_NamesTheComponent() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json => json["components"]!["comp-producer"]!["executorLabel"] = "exec-prodcer"),
            "components.comp-producer.executorLabel", "executor \"exec-prodcer\" is not defined in deploymentSpec.executors");

    [Fact]
    public void Validate_UndeclaredInputName_NamesTheInput() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json =>
                Task(json, "producer")["inputs"]!["parameters"]!["input_txt"] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = "x" } }),
            "root.dag.tasks.producer.inputs.parameters.input_txt", "component \"comp-producer\" declares no input parameter \"input_txt\"");

    [Fact]
    public void Validate_RequiredInputWithoutValue_NamesTheInput() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json => Task(json, "producer")["inputs"]!["parameters"]!.AsObject().Remove("input_text")),
            "root.dag.tasks.producer.inputs.parameters.input_text", "required input parameter \"input_text\" of component \"comp-producer\" has no value");

    [Fact]
    public void Validate_RequiredArtifactWithoutValue_NamesTheInput() =>
        AssertProblem(
            Broken("critical/two_step_pipeline_containerized.yaml", json => Task(json, "component2").Remove("inputs")),
            "root.dag.tasks.component2.inputs.artifacts.input_gcs", "required input artifact \"input_gcs\" of component \"comp-component2\" has no value");

    [Fact]
    public void Validate_UnknownParentInput_NamesTheInput() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json =>
                Task(json, "producer")["inputs"]!["parameters"]!["input_text"]!["componentInputParameter"] = "txt"),
            "root.dag.tasks.producer.inputs.parameters.input_text", "the pipeline has no input parameter \"txt\"");

    [Fact]
    public void Validate_UnknownParentInputOfSubDag_NamesTheComponent() =>
        AssertProblem(
            Broken("pipeline_with_importer.yaml", json =>
                json["components"]!["comp-condition-1"]!["dag"]!["tasks"]!["importer-2"]!["inputs"]!["parameters"]!["uri"]!["componentInputParameter"] = "dataset3"),
            "components.comp-condition-1.dag.tasks.importer-2.inputs.parameters.uri", "component \"comp-condition-1\" has no input parameter \"dataset3\"");

    [Fact]
    public void Validate_DependencyCycle_NamesTheTasks() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json => Task(json, "producer")["dependentTasks"] = new JsonArray("consumer")),
            "root.dag.tasks.consumer", "tasks form a dependency cycle: consumer -> producer -> consumer");

    [Fact]
    public void Validate_UnknownDependentTask_NamesTheIndex() =>
        AssertProblem(
            Broken("essential/pipeline_with_after.yaml", json => Task(json, "print-text-3")["dependentTasks"]![1] = "print-text-9"),
            "root.dag.tasks.print-text-3.dependentTasks[1]", "task \"print-text-9\" is not a task of this DAG");

    [Fact]
    public void Validate_UndeclaredItemInput_NamesTheIterator() =>
        AssertHasProblem(
            Broken("parallel_and_nested/pipeline_with_loops.yaml", json => Task(json, "for-loop-1")["parameterIterator"]!["itemInput"] = "item"),
            "root.dag.tasks.for-loop-1.parameterIterator.itemInput", "component \"comp-for-loop-1\" declares no input parameter \"item\"");

    [Fact]
    public void Validate_RawItemsNotAList_NamesTheIterator() =>
        AssertProblem(
            Broken("parallel_and_nested/pipeline_with_loops.yaml", json => Task(json, "for-loop-4")["parameterIterator"]!["items"]!["raw"] = "{\"a\": 1}"),
            "root.dag.tasks.for-loop-4.parameterIterator.items.raw", "must be a JSON array");

    [Fact]
    public void Validate_IteratorOverMissingInput_NamesTheIterator() =>
        AssertProblem(
            Broken("parallel_and_nested/pipeline_with_loops.yaml", json =>
                Task(json, "for-loop-2")["parameterIterator"]!["items"]!["inputParameter"] = "pipelinechannel--other"),
            "root.dag.tasks.for-loop-2.parameterIterator.items.inputParameter", "\"pipelinechannel--other\" is not an input parameter of the task");

    [Fact]
    public void Validate_ConstantOfWrongType_NamesTheInput() =>
        AssertProblem(
            Broken("critical/flip_coin.yaml", json =>
                json["components"]!["comp-condition-1"]!["dag"]!["tasks"]!["random-num"]!["inputs"]!["parameters"]!["high"]!["runtimeValue"]!["constant"] = "nine"),
            "components.comp-condition-1.dag.tasks.random-num.inputs.parameters.high", "the constant expects NUMBER_INTEGER, got string");

    [Fact]
    public void Validate_FractionalConstantForInteger_NamesTheInput() =>
        AssertProblem(
            Broken("critical/flip_coin.yaml", json =>
                json["components"]!["comp-condition-1"]!["dag"]!["tasks"]!["random-num"]!["inputs"]!["parameters"]!["high"]!["runtimeValue"]!["constant"] = 9.5),
            "components.comp-condition-1.dag.tasks.random-num.inputs.parameters.high", "the constant expects NUMBER_INTEGER, got 9.5");

    [Fact]
    public void Validate_DefaultOfWrongType_NamesTheDefault() =>
        AssertProblem(
            Broken("parallel_and_nested/pipeline_with_loops.yaml", json => json["root"]!["inputDefinitions"]!["parameters"]!["loop_parameter"]!["defaultValue"] = "a,b"),
            "root.inputDefinitions.parameters.loop_parameter.defaultValue", "the default expects LIST, got string");

    [Fact]
    public void Validate_IncompatibleProducerType_NamesBothTypes() =>
        AssertProblem(
            Broken("critical/parameters_simple.yaml", json => json["components"]!["comp-add"]!["inputDefinitions"]!["parameters"]!["nums"]!["parameterType"] = "STRUCT"),
            "root.dag.tasks.add.inputs.parameters.nums",
            "output \"pipelinechannel--double-Output\" of task \"for-loop-2\" is LIST, but component \"comp-add\" expects STRUCT");

    [Fact]
    public void Validate_FinalStatusIntoPlainInput_IsRejected() =>
        AssertProblem(
            Broken("pipeline_with_task_final_status_yaml.yaml", json => json["components"]!["comp-exit-op"]!["inputDefinitions"]!["parameters"]!["status"]!["parameterType"] = "LIST"),
            "root.dag.tasks.exit-op.inputs.parameters.status", "a taskFinalStatus needs a TASK_FINAL_STATUS input, but component \"comp-exit-op\" declares LIST");

    [Fact]
    public void Validate_ConditionSyntaxError_NamesTheCondition()
    {
        var problems = Broken("critical/flip_coin.yaml", json => Task(json, "condition-4")["triggerPolicy"]!["condition"] = "inputs.parameter_values['x'] ==");

        var problem = Assert.Single(problems);
        Assert.Equal("root.dag.tasks.condition-4.triggerPolicy.condition", problem.Path);
        Assert.StartsWith("is not valid CEL: expected", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionReadingUnknownInput_NamesTheCondition() =>
        AssertProblem(
            Broken("critical/flip_coin.yaml", json =>
                Task(json, "condition-4")["triggerPolicy"]!["condition"] = "inputs.parameter_values['pipelinechannel--flip-coin-Outpt'] == 'tails'"),
            "root.dag.tasks.condition-4.triggerPolicy.condition",
            "reads inputs.parameter_values['pipelinechannel--flip-coin-Outpt'], which is not an input parameter of the task");

    [Fact]
    public void Validate_SelectorSyntaxError_NamesTheSelector()
    {
        var problems = Broken("parallel_and_nested/pipeline_with_loops.yaml", json =>
            json["components"]!["comp-for-loop-2"]!["dag"]!["tasks"]!["print-text-2"]!["inputs"]!["parameters"]!["msg"]!["parameterExpressionSelector"] = "parseJson(string_value)[\"A_a\"");

        Assert.Equal("components.comp-for-loop-2.dag.tasks.print-text-2.inputs.parameters.msg.parameterExpressionSelector", Assert.Single(problems).Path);
    }

    [Fact]
    public void Validate_DagOutputFromUnknownSubtask_NamesTheOutput() =>
        AssertProblem(
            Broken("essential/pipeline_with_outputs.yaml", json =>
                json["components"]!["comp-inner-pipeline"]!["dag"]!["outputs"]!["parameters"]!["msg"]!["valueFromParameter"]!["producerSubtask"] = "print-op3"),
            "components.comp-inner-pipeline.dag.outputs.parameters.msg", "producer subtask \"print-op3\" is not a task of this DAG");

    [Fact]
    public void Validate_DagOutputNotDeclared_NamesTheOutput() =>
        AssertProblem(
            Broken("essential/pipeline_with_outputs.yaml", json => json["root"]!["outputDefinitions"]!["artifacts"]!.AsObject().Remove("Output")),
            "root.dag.outputs.artifacts.Output", "the pipeline declares no output artifact \"Output\"");

    [Fact]
    public void Validate_PlaceholderForUndeclaredInput_NamesTheElement() =>
        AssertProblem(
            Broken("critical/producer_consumer_param_pipeline.yaml", json =>
                json["deploymentSpec"]!["executors"]!["exec-consumer"]!["container"]!["command"]![3] = "{{$.inputs.parameters['input_valu']}}"),
            "deploymentSpec.executors.exec-consumer.container.command[3]",
            "a placeholder refers to input parameter \"input_valu\", which component \"comp-consumer\" does not declare");

    [Fact]
    public void Validate_IfPresentForUndeclaredInput_NamesTheElement() =>
        AssertProblem(
            Broken("essential/placeholder_with_if_placeholder_none_input_value.yaml", json =>
                json["deploymentSpec"]!["executors"]!["exec-component-with-optional-inputs"]!["container"]!["args"]![2] =
                    """{"IfPresent": {"InputName": "optional_input_3", "Then": ["--arg1"]}}"""),
            "deploymentSpec.executors.exec-component-with-optional-inputs.container.args[2]",
            "IfPresent tests input \"optional_input_3\", which component \"comp-component-with-optional-inputs\" does not declare");

    [Fact]
    public void Validate_ComponentContainingItself_IsRejected() =>
        AssertHasProblem(
            Broken("critical/collected_parameters.yaml", json =>
                json["components"]!["comp-for-loop-1"]!["dag"]!["tasks"]!["prepend-id"]!["componentRef"]!["name"] = "comp-collecting-parameters"),
            "components.comp-for-loop-1.dag.tasks.prepend-id.componentRef.name",
            "component \"comp-collecting-parameters\" contains itself: comp-collecting-parameters -> comp-for-loop-1 -> comp-collecting-parameters");

    [Fact]
    public void Validate_BadRetryDuration_NamesTheField() =>
        AssertProblem(
            Broken("critical/pipeline_with_retry.yaml", json => Task(json, "add")["retryPolicy"]!["backoffDuration"] = "five seconds"),
            "root.dag.tasks.add.retryPolicy.backoffDuration", "\"five seconds\" is not a duration in seconds such as \"30s\" or \"1.5s\"");

    [Fact]
    public void Validate_ExecutorWithoutImage_NamesTheField() =>
        AssertProblem(
            Broken("hello_world.yaml", json => json["deploymentSpec"]!["executors"]!["exec-echo"]!["container"]!.AsObject().Remove("image")),
            "deploymentSpec.executors.exec-echo.container.image", "is required");

    [Fact]
    public void Validate_MissingNameAndRoot_ReportsBoth()
    {
        var problems = Broken("hello_world.yaml", json =>
        {
            json["pipelineInfo"]!.AsObject().Remove("name");
            json.Remove("root");
        });

        Assert.Equal(["pipelineInfo.name", "root"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var problems = Broken("critical/producer_consumer_param_pipeline.yaml", json =>
        {
            Task(json, "consumer")["componentRef"]!["name"] = "comp-missing";
            Task(json, "producer")["dependentTasks"] = new JsonArray("nobody");
            json["components"]!["comp-producer"]!["executorLabel"] = "exec-missing";
        });

        Assert.Equal(
            ["root.dag.tasks.consumer.componentRef.name", "root.dag.tasks.producer.dependentTasks[0]", "components.comp-producer.executorLabel"],
            problems.Select(p => p.Path));
    }

    [Fact]
    public void ValidateRuntimeParameters_Problems_NameEachParameter()
    {
        var spec = AcceptanceFiles.Parse("arguments_parameters.yaml").Spec;

        var problems = PipelineSpecValidator.ValidateRuntimeParameters(spec, new Dictionary<string, JsonNode?>
        {
            ["param1"] = 3,
            ["param3"] = "x",
        });

        Assert.Equal(
            [
                "runtimeConfig.parameters.param3: the pipeline has no input parameter \"param3\" (it declares param1, param2)",
                "runtimeConfig.parameters.param2: is required: the pipeline declares no default for input parameter \"param2\"",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ValidateRuntimeParameters_WrongType_IsReported()
    {
        var spec = AcceptanceFiles.Parse("critical/pipeline_with_retry.yaml").Spec;

        var problem = Assert.Single(PipelineSpecValidator.ValidateRuntimeParameters(spec, new Dictionary<string, JsonNode?> { ["a"] = "one" }, "parameters"));

        Assert.Equal("parameters.a: the parameter expects NUMBER_DOUBLE, got string", problem.ToString());
    }

    [Fact]
    public void ValidateRuntimeParameters_DefaultsCoverOmittedInputs() =>
        Assert.Empty(PipelineSpecValidator.ValidateRuntimeParameters(
            AcceptanceFiles.Parse("critical/pipeline_with_retry.yaml").Spec, new Dictionary<string, JsonNode?>()));

    [Fact]
    public void ToResourceException_Problems_BecomeInvalidCauses()
    {
        IReadOnlyList<ValidationProblem> problems =
        [
            new("root.dag.tasks.a.componentRef.name", "component \"x\" is not defined"),
            new("pipelineInfo.name", "is required"),
        ];

        var error = problems.ToResourceException("PipelineVersion", "v1", "spec.pipelineSpec");

        Assert.Equal(422, error.Code);
        Assert.Equal(
            ["spec.pipelineSpec.root.dag.tasks.a.componentRef.name", "spec.pipelineSpec.pipelineInfo.name"],
            error.Status.Details!.Causes!.Select(c => c.Field));
        Assert.Contains("component \"x\" is not defined", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ValidationProblem> Broken(string file, Action<JsonObject> edit)
    {
        var json = (JsonObject)AcceptanceFiles.Parse(file).SpecJson.DeepClone();
        edit(json);
        return PipelineSpecValidator.Validate(PipelineSpecParser.Parse(json).Spec);
    }

    private static JsonObject Task(JsonObject spec, string task) => spec["root"]!["dag"]!["tasks"]![task]!.AsObject();

    private static void AssertHasProblem(IReadOnlyList<ValidationProblem> problems, string path, string message) =>
        Assert.Contains($"{path}: {message}", problems.Select(p => p.ToString()));

    private static void AssertProblem(IReadOnlyList<ValidationProblem> problems, string path, string message) =>
        Assert.Equal($"{path}: {message}", Assert.Single(problems).ToString());
}
