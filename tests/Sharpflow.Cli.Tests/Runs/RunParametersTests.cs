using System.Text.Json.Nodes;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Runs;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Cli.Tests.Runs;

public sealed class RunParametersTests
{
    private static readonly PipelineSpec Typed = PipelineSpecParser.Parse(TestPipelines.Read("typed.yaml")).Spec;

    [Fact]
    public void Convert_EveryType_ReadsTheValueAsItsDeclaredType()
    {
        var values = RunParameters.Convert(
            ["count=3", "rate=0.25", "verbose=true", "layers=[64, 32]", "config={\"seed\": 1}", "label=a=b", "mode=slow"],
            Typed);

        Assert.Equal(
            """{"count":3,"rate":0.25,"verbose":true,"layers":[64,32],"config":{"seed":1},"label":"a=b","mode":"slow"}""",
            values.ToJsonString());
    }

    [Fact]
    public void Convert_StringThatLooksLikeANumber_StaysAString()
    {
        var values = RunParameters.Convert(["count=1", "label=007"], Typed);

        Assert.Equal(JsonValueKind("007"), values["label"]!.ToJsonString());
    }

    [Fact]
    public void Convert_OnlyRequiredGiven_LeavesDefaultsToThePipeline()
    {
        var values = RunParameters.Convert(["count=-2"], Typed);

        Assert.Equal("""{"count":-2}""", values.ToJsonString());
    }

    [Theory]
    [InlineData("count=3.5", "parameter \"count\" is NUMBER_INTEGER", "\"3.5\" is not an integer")]
    [InlineData("count=many", "parameter \"count\" is NUMBER_INTEGER", "\"many\" is not an integer")]
    [InlineData("rate=fast", "parameter \"rate\" is NUMBER_DOUBLE", "\"fast\" is not a number")]
    [InlineData("verbose=yes", "parameter \"verbose\" is BOOLEAN", "true or false")]
    [InlineData("layers=64,32", "parameter \"layers\" is LIST", "is not valid JSON")]
    [InlineData("layers={\"a\": 1}", "parameter \"layers\" is LIST", "expects LIST, got struct")]
    [InlineData("config=[1]", "parameter \"config\" is STRUCT", "expects STRUCT, got list")]
    [InlineData("mode=medium", "parameter \"mode\" accepts only \"fast\", \"slow\"", "got \"medium\"")]
    public void Convert_ValueOfTheWrongType_NamesTheParameterAndItsType(string assignment, string type, string problem)
    {
        string[] assignments = assignment.StartsWith("count=", StringComparison.Ordinal) ? [assignment] : ["count=1", assignment];

        var error = Assert.Throws<UsageException>(() => RunParameters.Convert(assignments, Typed));

        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnknownParameter_ListsTheDeclaredOnesWithTypes()
    {
        var error = Assert.Throws<UsageException>(() => RunParameters.Convert(["count=1", "epochs=3"], Typed));

        Assert.StartsWith("-p epochs=3: the pipeline \"typed\" has no parameter \"epochs\"; its parameters are count (NUMBER_INTEGER, required), rate (NUMBER_DOUBLE, default 0.5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("config (STRUCT, optional)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_RequiredParameterMissing_SaysWhichAndHowToGiveIt()
    {
        var error = Assert.Throws<UsageException>(() => RunParameters.Convert(["rate=1"], Typed));

        Assert.Equal("the pipeline \"typed\" requires \"count\" (NUMBER_INTEGER), which has no default: add -p count=VALUE", error.Message);
    }

    [Theory]
    [InlineData("count", "-p count: expected NAME=VALUE")]
    [InlineData("=3", "-p =3: expected NAME=VALUE")]
    public void Convert_NotNameEqualsValue_IsAUsageError(string assignment, string message)
    {
        var error = Assert.Throws<UsageException>(() => RunParameters.Convert([assignment], Typed));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_SameParameterTwice_IsAUsageError()
    {
        var error = Assert.Throws<UsageException>(() => RunParameters.Convert(["count=1", "count=2"], Typed));

        Assert.Equal("-p count is given twice; give each parameter once", error.Message);
    }

    private static string JsonValueKind(string text) => JsonValue.Create(text).ToJsonString();
}
