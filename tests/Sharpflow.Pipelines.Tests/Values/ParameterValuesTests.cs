using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Tests.Values;

public class ParameterValuesTests
{
    [Theory]
    [InlineData("\"text\"", "text")]
    [InlineData("3", "3")]
    [InlineData("3.0", "3")]
    [InlineData("0.5", "0.5")]
    [InlineData("false", "false")]
    [InlineData("null", "")]
    [InlineData("[1, {\"a\": \"b\"}]", "[1,{\"a\":\"b\"}]")]
    public void ToText_Value_IsKfpText(string json, string expected) =>
        Assert.Equal(expected, ParameterValues.ToText(JsonNode.Parse(json)));

    [Theory]
    [InlineData("  hi \n", ParameterType.String, "\"  hi \\n\"")]
    [InlineData(" -12\n", ParameterType.NumberInteger, "-12")]
    [InlineData("2.5e3", ParameterType.NumberDouble, "2500")]
    [InlineData("T", ParameterType.Boolean, "true")]
    [InlineData("0", ParameterType.Boolean, "false")]
    [InlineData("[1,2]", ParameterType.List, "[1,2]")]
    [InlineData("{\"a\":1}", ParameterType.Struct, "{\"a\":1}")]
    public void ParseText_TextOfType_IsTheValue(string text, ParameterType type, string expected) =>
        Assert.Equal(expected, ParameterValues.ParseText(text, type)!.ToJsonString());

    [Theory]
    [InlineData("1.5", ParameterType.NumberInteger)]
    [InlineData("nan", ParameterType.NumberDouble)]
    [InlineData("yes", ParameterType.Boolean)]
    [InlineData("{}", ParameterType.List)]
    [InlineData("[]", ParameterType.Struct)]
    public void ParseText_WrongText_IsAFormatError(string text, ParameterType type) =>
        Assert.Throws<FormatException>(() => ParameterValues.ParseText(text, type));

    [Theory]
    [InlineData("5", ParameterType.String, true, "\"5\"")]
    [InlineData("{\"a\":1}", ParameterType.String, true, "\"{\\u0022a\\u0022:1}\"")]
    [InlineData("5", ParameterType.NumberDouble, true, "5")]
    [InlineData("\"5\"", ParameterType.NumberInteger, false, null)]
    [InlineData("{}", ParameterType.TaskFinalStatus, true, "{}")]
    [InlineData("null", ParameterType.String, false, null)]
    public void TryNormalize_ValueForType_ConvertsOrRejects(string json, ParameterType type, bool ok, string? expected)
    {
        Assert.Equal(ok, ParameterValues.TryNormalize(JsonNode.Parse(json), type, out var normalized, out var error));
        if (ok)
        {
            Assert.Equal(expected, normalized!.ToJsonString());
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
        }
    }
}
