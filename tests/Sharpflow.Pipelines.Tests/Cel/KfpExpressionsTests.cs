using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Cel;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Cel;

public class KfpExpressionsTests
{
    /// <summary>Every condition in the acceptance pipelines, with an input that makes it true and one that makes it false.</summary>
    public static TheoryData<string, string, JsonNode, JsonNode> AcceptanceConditions => new()
    {
        { "int(inputs.parameter_values['pipelinechannel--random-num-Output']) > 5", "pipelinechannel--random-num-Output", 7L, 5L },
        { "int(inputs.parameter_values['pipelinechannel--random-num-Output']) <= 5", "pipelinechannel--random-num-Output", 0L, 9L },
        { "int(inputs.parameter_values['pipelinechannel--random-num-2-Output']) > 15", "pipelinechannel--random-num-2-Output", 19L, 15L },
        { "int(inputs.parameter_values['pipelinechannel--random-num-2-Output']) <= 15", "pipelinechannel--random-num-2-Output", 10L, 16L },
        { "inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads'", "pipelinechannel--flip-coin-Output", "heads", "tails" },
        { "inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'tails'", "pipelinechannel--flip-coin-Output", "tails", "heads" },
        { "inputs.parameter_values['pipelinechannel--train-scalar'] == '123'", "pipelinechannel--train-scalar", "123", "1234" },
    };

    [Theory]
    [MemberData(nameof(AcceptanceConditions))]
    public void EvaluateCondition_AcceptanceCondition_FollowsTheInput(string condition, string input, JsonNode whenTrue, JsonNode whenFalse)
    {
        Assert.True(KfpExpressions.EvaluateCondition(condition, Input((input, whenTrue))));
        Assert.False(KfpExpressions.EvaluateCondition(condition, Input((input, whenFalse))));
    }

    [Fact]
    public void AcceptanceConditions_CoverEveryConditionInTheAcceptanceFiles()
    {
        var inFiles = AcceptanceFiles.Names
            .SelectMany(name => AcceptanceFiles.Parse(name).Spec.Components.Values.Append(AcceptanceFiles.Parse(name).Spec.Root!))
            .SelectMany(component => component.Dag?.Tasks.Values ?? [])
            .Select(task => task.TriggerPolicy?.Condition)
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(inFiles.Order(), AcceptanceConditions.Select(row => (string)row[0]).ToHashSet().Order());
    }

    [Fact]
    public void EvaluateCondition_IntegerOutputAsNumberOrText_ConvertsWithInt()
    {
        const string condition = "int(inputs.parameter_values['n']) > 5";

        Assert.True(KfpExpressions.EvaluateCondition(condition, Input(("n", 6.0))));
        Assert.True(KfpExpressions.EvaluateCondition(condition, Input(("n", "6"))));
    }

    [Theory]
    [InlineData("!(inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads') && int(inputs.parameter_values['pipelinechannel--n']) > 5", true)]
    [InlineData("!(inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'tails') && int(inputs.parameter_values['pipelinechannel--n']) > 5", false)]
    [InlineData("double(inputs.parameter_values['pipelinechannel--n']) >= 7.5", true)]
    [InlineData("inputs.parameter_values['pipelinechannel--flag'] == true", true)]
    [InlineData("inputs.parameter_values['pipelinechannel--n'] == 8.0", true)]
    [InlineData("inputs.parameter_values['pipelinechannel--flip-coin-Output'] in ['tails', 'edge']", true)]
    public void EvaluateCondition_CompilerForms_Evaluate(string condition, bool expected)
    {
        var input = Input(("pipelinechannel--flip-coin-Output", "tails"), ("pipelinechannel--n", 8L), ("pipelinechannel--flag", true));

        Assert.Equal(expected, KfpExpressions.EvaluateCondition(condition, input));
    }

    [Fact]
    public void EvaluateCondition_NumberComparedWithIntLiteral_IsNoSuchOverloadAsInKfp()
    {
        var error = Assert.Throws<CelException>(() =>
            KfpExpressions.EvaluateCondition("inputs.parameter_values['num'] == 1", Input(("num", 1L))));

        Assert.Contains("no such overload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCondition_MissingInput_IsNoSuchKey()
    {
        var error = Assert.Throws<CelException>(() =>
            KfpExpressions.EvaluateCondition("inputs.parameter_values['type'] == 'foo'", new ExecutorInput()));

        Assert.Contains("no such key: type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCondition_NonBoolResult_IsAnError() =>
        Assert.Throws<CelException>(() => KfpExpressions.EvaluateCondition("inputs.parameter_values['n']", Input(("n", 1L))));

    [Theory]
    [InlineData("inputs.artifacts['model'].artifacts[0].metadata['accuracy'] * 100.0 > 90.0", true)]
    [InlineData("inputs.artifacts['model'].artifacts[0].metadata['accuracy'] * 100.0 <= 90.0", false)]
    [InlineData("inputs.artifacts['model'].artifacts[0].type.schema_title == 'system.Model'", true)]
    [InlineData("inputs.artifacts['model'].artifacts[0].uri.startsWith('/data/')", true)]
    [InlineData("size(inputs.artifacts['model'].artifacts) == 1", true)]
    [InlineData("outputs.parameters['Output'].output_file.endsWith('/Output')", true)]
    public void EvaluateCondition_Artifacts_ReadsMetadataTypeAndUri(string condition, bool expected)
    {
        var input = new ExecutorInput
        {
            Artifacts = new Dictionary<string, IReadOnlyList<RuntimeArtifact>>
            {
                ["model"] =
                [
                    new RuntimeArtifact
                    {
                        Name = "model",
                        Uri = "/data/model",
                        Type = new() { SchemaTitle = "system.Model", SchemaVersion = "0.0.1" },
                        Metadata = new JsonObject { ["accuracy"] = 0.95 },
                    },
                ],
            },
            OutputParameterFiles = new Dictionary<string, string> { ["Output"] = "/tmp/task/outputs/Output" },
        };

        Assert.Equal(expected, KfpExpressions.EvaluateCondition(condition, input));
    }

    [Theory]
    [InlineData("""{"A_a": "1", "B_b": "2"}""", "parseJson(string_value)[\"A_a\"]", "\"1\"")]
    [InlineData("""{"A_a": "10", "B_b": "20"}""", "parseJson(string_value)[\"B_b\"]", "\"20\"")]
    [InlineData("""{"A_a": "1", "B_b": "2"}""", "struct_value.A_a", "\"1\"")]
    [InlineData("[1.1, 1.2, 1.3]", "parseJson(string_value)[0]", "1.1")]
    [InlineData("[1.1, 1.2, 1.3]", "list_value[2]", "1.3")]
    [InlineData("\"Hello,World!\"", "string_value", "\"Hello,World!\"")]
    [InlineData("\"[1.1,1.2,1.3]\"", "parseJson(string_value)[0]", "1.1")]
    [InlineData("\"abc\"", "size(string_value)", "3")]
    [InlineData("7", "number_value * 2.0", "14")]
    [InlineData("7", "string_value", "\"7\"")]
    [InlineData("null", "string_value", "\"\"")]
    [InlineData("{\"nested\": {\"a\": \"A\"}, \"list\": [1, 2]}", "struct_value.nested", "{\"a\":\"A\"}")]
    [InlineData("{\"nested\": {\"a\": \"A\"}, \"list\": [1, 2]}", "struct_value.list", "[1,2]")]
    public void Select_KfpSelectors_ReturnTheSelectedValue(string value, string selector, string expected) =>
        Assert.Equal(expected, KfpExpressions.Select(JsonNode.Parse(value), selector)?.ToJsonString() ?? "null");

    [Theory]
    [InlineData("\"Hello\"", "struct_value", "no such attribute: struct_value")]
    [InlineData("{\"a\": \"A\"}", "struct_value.c", "no such key: c")]
    [InlineData("\"invalidjson\"", "parseJson(string_value)", "failed to unmarshal JSON")]
    public void Select_InvalidSelection_Fails(string value, string selector, string reason)
    {
        var error = Assert.Throws<CelException>(() => KfpExpressions.Select(JsonNode.Parse(value), selector));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_EverySelectorInTheAcceptanceFiles_ReadsALoopItem()
    {
        var selectors = AcceptanceFiles.Names
            .Select(name => AcceptanceFiles.Parse(name).Spec)
            .SelectMany(spec => spec.Components.Values)
            .SelectMany(component => component.Dag?.Tasks.Values ?? [])
            .SelectMany(task => task.InputParameters.Values)
            .Select(input => input.ParameterExpressionSelector)
            .OfType<string>()
            .Distinct()
            .ToList();
        var item = JsonNode.Parse("""{"A_a": "10", "B_b": "20"}""");

        Assert.Equal(["parseJson(string_value)[\"A_a\"]", "parseJson(string_value)[\"B_b\"]"], selectors);
        Assert.Equal(["10", "20"], selectors.Select(selector => KfpExpressions.Select(item, selector)!.GetValue<string>()));
    }

    private static ExecutorInput Input(params (string Name, JsonNode Value)[] values) => new()
    {
        ParameterValues = values.ToDictionary(v => v.Name, v => (JsonNode?)v.Value.DeepClone()),
    };
}
