using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class TaskInputResolverTests
{
    private readonly FakeTaskInputSource _source = new();

    [Fact]
    public void Resolve_FString_SubstitutesTheTasksOtherInput()
    {
        var (task, component) = Task("critical/flip_coin.yaml", "comp-condition-2", "print-msg");
        _source.ParentParameters["pipelinechannel--random-num-Output"] = 7L;

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Equal("heads and 7 > 5!", inputs.ParameterValues["msg"]!.GetValue<string>());
        Assert.Equal(7L, inputs.ParameterValues["pipelinechannel--random-num-Output"]!.GetValue<long>());
    }

    [Fact]
    public void Resolve_Selector_ReadsTheLoopItemField()
    {
        var (task, component) = Task("parallel_and_nested/pipeline_with_loops.yaml", "comp-for-loop-2", "print-text-3");
        _source.ParentParameters["pipelinechannel--args-generator-op-Output-loop-item"] = JsonNode.Parse("""{"A_a": "10", "B_b": "20"}""");

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Equal("20", inputs.ParameterValues["msg"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_UpstreamOutputAndParentInput_AreBound()
    {
        var (task, component) = Task("critical/flip_coin.yaml", "comp-condition-1", "condition-2");
        _source.ParentParameters["pipelinechannel--flip-coin-Output"] = "heads";
        _source.OutputParameters["random-num/Output"] = 3L;

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Equal("heads", inputs.ParameterValues["pipelinechannel--flip-coin-Output"]!.GetValue<string>());
        Assert.Equal(3L, inputs.ParameterValues["pipelinechannel--random-num-Output"]!.GetValue<long>());
    }

    [Fact]
    public void Resolve_Constants_KeepTheirType()
    {
        var (task, component) = Task("critical/flip_coin.yaml", "comp-condition-1", "random-num");

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Equal(9.0, inputs.ParameterValues["high"]!.GetValue<double>());
        Assert.Equal(0.0, inputs.ParameterValues["low"]!.GetValue<double>());
    }

    [Fact]
    public void Resolve_ArtifactFromProducer_IsBound()
    {
        var (task, component) = Task("pipeline_with_importer.yaml", "comp-condition-1", "train-2");
        var dataset = LaunchFixture.Dataset("gs://ml-pipeline-playground/shakespeare2.txt");
        _source.OutputArtifacts["importer-2/artifact"] = [dataset];

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Same(dataset, Assert.Single(inputs.Artifacts["dataset"]));
    }

    [Fact]
    public void Resolve_MissingRequiredArtifact_Fails()
    {
        var (task, component) = Task("pipeline_with_importer.yaml", "comp-condition-1", "train-2");

        var error = Assert.Throws<LaunchException>(() => TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context));

        Assert.Equal("input artifact \"dataset\" has no value: output artifact \"artifact\" of task \"importer-2\" produced none", error.Message);
    }

    [Fact]
    public void Resolve_FinalStatus_IsTheProducersStatus()
    {
        var spec = AcceptanceFiles.Parse("pipeline_with_task_final_status_yaml.yaml").Spec;
        var task = spec.Root!.Dag!.Tasks["exit-op"];
        _source.ParentParameters["message"] = "Hello World!";
        _source.FinalStatuses["exit-handler-1"] = TaskFinalStatusValue.Create("COMPLETE", "runs/r-1", "my-pipeline");

        var inputs = TaskInputResolver.Resolve(task, spec.ComponentOf(task)!, _source, LaunchFixture.Context);

        Assert.Equal(
            """{"state":"COMPLETE","pipelineJobResourceName":"runs/r-1","pipelineTaskName":"my-pipeline","error":{}}""",
            inputs.ParameterValues["status"]!.ToJsonString());
    }

    [Fact]
    public void Resolve_UnresolvedRequiredInput_FailsNamingTheSource()
    {
        var (task, component) = Task("critical/flip_coin.yaml", "comp-condition-1", "condition-2");
        _source.ParentParameters["pipelinechannel--flip-coin-Output"] = "heads";

        var error = Assert.Throws<LaunchException>(() => TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context));

        Assert.Equal(
            "input parameter \"pipelinechannel--random-num-Output\" has no value: output \"Output\" of task \"random-num\" produced none, and the component gives no default",
            error.Message);
    }

    [Fact]
    public void Resolve_UnresolvedOptionalInput_IsLeftOutForTheDefault()
    {
        var task = new PipelineTaskSpec
        {
            Inputs = new TaskInputsSpec
            {
                Parameters = new Dictionary<string, TaskInputParameterSpec>
                {
                    ["value"] = new() { TaskOutputParameter = new() { ProducerTask = "failed-task", OutputParameterKey = "Output" } },
                },
            },
        };
        var component = Component(("value", new ParameterDefinition { ParameterType = ParameterType.String, IsOptional = true, DefaultValue = "fallback" }));

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Empty(inputs.ParameterValues);
    }

    [Fact]
    public void Resolve_NumberIntoStringInput_BecomesItsText()
    {
        var (task, component) = Task("parallel_and_nested/pipeline_with_loops.yaml", "comp-for-loop-1", "print-text");
        _source.ParentParameters["pipelinechannel--loop_parameter-loop-item"] = 1.5;

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Equal("1.5", inputs.ParameterValues["msg"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_StringIntoNumberInput_IsATypeMismatch()
    {
        var task = TaskWith(("n", new TaskInputParameterSpec { ComponentInputParameter = "n" }));
        _source.ParentParameters["n"] = "seven";

        var error = Assert.Throws<LaunchException>(() =>
            TaskInputResolver.Resolve(task, Component(("n", new ParameterDefinition { ParameterType = ParameterType.NumberInteger })), _source, LaunchFixture.Context));

        Assert.Equal("input parameter \"n\" expects NUMBER_INTEGER, got string", error.Message);
    }

    [Fact]
    public void Resolve_JobPlaceholderConstants_AreSubstituted()
    {
        var task = TaskWith(
            ("run", Constant("{{$.pipeline_job_uuid}}")),
            ("label", Constant("{{$.pipeline_job_name}}/{{$.pipeline_task_name}} at {{$.pipeline_job_create_time_utc}}")));
        var component = Component(("run", new ParameterDefinition { ParameterType = ParameterType.String }), ("label", new ParameterDefinition { ParameterType = ParameterType.String }));

        var inputs = TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context);

        Assert.Equal("r-1", inputs.ParameterValues["run"]!.GetValue<string>());
        Assert.Equal("my run/train at 2025-03-04T03:06:07Z", inputs.ParameterValues["label"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_ConstantThatIsOneChannel_TakesTheChannelValueWithItsType()
    {
        var task = TaskWith(
            ("n", Constant("{{$.inputs.parameters['pipelinechannel--count']}}")),
            ("pipelinechannel--count", new TaskInputParameterSpec { ComponentInputParameter = "count" }));
        _source.ParentParameters["count"] = 4L;

        var inputs = TaskInputResolver.Resolve(task, Component(("n", new ParameterDefinition { ParameterType = ParameterType.NumberInteger })), _source, LaunchFixture.Context);

        Assert.Equal(4L, inputs.ParameterValues["n"]!.GetValue<long>());
    }

    [Fact]
    public void Resolve_FailingSelector_FailsNamingTheInput()
    {
        var (task, component) = Task("parallel_and_nested/pipeline_with_loops.yaml", "comp-for-loop-2", "print-text-2");
        _source.ParentParameters["pipelinechannel--args-generator-op-Output-loop-item"] = JsonNode.Parse("""{"other": 1}""");

        var error = Assert.Throws<LaunchException>(() => TaskInputResolver.Resolve(task, component, _source, LaunchFixture.Context));

        Assert.StartsWith("input parameter \"msg\": the selector parseJson(string_value)[\"A_a\"] failed: no such key: A_a", error.Message, StringComparison.Ordinal);
    }

    private static (PipelineTaskSpec Task, ComponentSpec Component) Task(string file, string dagComponent, string taskName)
    {
        var spec = AcceptanceFiles.Parse(file).Spec;
        var task = spec.Components[dagComponent].Dag!.Tasks[taskName];
        return (task, spec.ComponentOf(task)!);
    }

    private static PipelineTaskSpec TaskWith(params (string Name, TaskInputParameterSpec Spec)[] inputs) => new()
    {
        Inputs = new TaskInputsSpec { Parameters = inputs.ToDictionary(i => i.Name, i => i.Spec) },
    };

    private static TaskInputParameterSpec Constant(JsonNode value) => new() { RuntimeValue = new() { Constant = value } };

    private static ComponentSpec Component(params (string Name, ParameterDefinition Definition)[] parameters) => new()
    {
        InputDefinitions = new ComponentIoDefinitions { Parameters = parameters.ToDictionary(p => p.Name, p => p.Definition) },
    };
}
