using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Cel;

namespace Sharpflow.Pipelines.Tests.Cel;

public class CelExpressionTests
{
    private static readonly Dictionary<string, CelValue> Variables = new()
    {
        ["s"] = CelValue.Of("heads"),
        ["i"] = CelValue.Of(7L),
        ["d"] = CelValue.Of(2.5),
        ["m"] = CelJson.FromJson(JsonNode.Parse("""{"a": {"b": "B"}, "list": [1.1, 1.2]}""")),
    };

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 / 2", "3")]
    [InlineData("-7 / 2", "-3")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("0x1F", "31")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("1.5 * 2.0", "3")]
    [InlineData("1e3 + .5", "1000.5")]
    [InlineData("7.0 / 2.0", "3.5")]
    [InlineData("- -3", "3")]
    [InlineData("!!true", "true")]
    [InlineData("'a' + \"b\"", "\"ab\"")]
    [InlineData("[1, 2] + [3]", "[1, 2, 3]")]
    [InlineData("{'k': 1}['k']", "1")]
    [InlineData("{'k': 1}.k", "1")]
    [InlineData("[10, 20, 30][1]", "20")]
    [InlineData("true ? 'yes' : 'no'", "\"yes\"")]
    [InlineData("false ? 1 : true ? 2 : 3", "2")]
    [InlineData("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3", "true")]
    [InlineData("'abc' < 'abd'", "true")]
    [InlineData("false < true", "true")]
    [InlineData("1 == 1 && 1 != 2 && 'x' == 'x' && null == null", "true")]
    [InlineData("[1, [2]] == [1, [2]]", "true")]
    [InlineData("{'a': 1} == {'a': 1}", "true")]
    [InlineData("2 in [1, 2]", "true")]
    [InlineData("'k' in {'k': 1}", "true")]
    [InlineData("'z' in {'k': 1}", "false")]
    [InlineData("size('héllo')", "5")]
    [InlineData("'héllo'.size()", "5")]
    [InlineData("size([1, 2, 3]) + size({'a': 1})", "4")]
    [InlineData("int('42') + int(3.9) + int(-3.9)", "42")]
    [InlineData("double(2) + double('0.5')", "2.5")]
    [InlineData("string(12) + string(1.5) + string(true) + string(1e6)", "\"121.5true1e+06\"")]
    [InlineData("bool('true') && !bool('0')", "true")]
    [InlineData("'hello'.startsWith('he') && 'hello'.endsWith('lo') && 'hello'.contains('ell')", "true")]
    [InlineData("has({'a': 1}.a) && !has({'a': 1}.b)", "true")]
    [InlineData("dyn(1) == 1", "true")]
    [InlineData("[1, 2,][1]", "2")]
    public void Evaluate_Literal_ComputesCelValue(string expression, string expected) =>
        Assert.Equal(expected, CelExpression.Parse(expression).Evaluate(Variables).ToString());

    [Theory]
    [InlineData("'a\\nb'", "a\nb")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("'\\'\\\"\\\\\\t'", "'\"\\\t")]
    [InlineData("'\\x41\\u00e9\\U0001F600\\101'", "Aé😀A")]
    [InlineData("r'raw\\n'", "raw\\n")]
    [InlineData("'''multi\nline'''", "multi\nline")]
    [InlineData("\"\"\"has \"quotes\" inside\"\"\"", "has \"quotes\" inside")]
    public void Evaluate_StringLiteral_DecodesEscapesAndQuoteStyles(string expression, string expected) =>
        Assert.Equal(expected, CelExpression.Parse(expression).Evaluate(Variables).AsString);

    [Theory]
    [InlineData("s == 'heads'", true)]
    [InlineData("i > 5 && d < 3.0", true)]
    [InlineData("m.a.b == 'B'", true)]
    [InlineData("m['list'][1] == 1.2", true)]
    [InlineData("size(m.list) == 2", true)]
    [InlineData("m.a['b'] + s == 'Bheads'", true)]
    public void Evaluate_Variables_ReadsFieldsAndIndexes(string expression, bool expected) =>
        Assert.Equal(expected, CelExpression.Parse(expression).Evaluate(Variables).AsBool);

    [Theory]
    [InlineData("i == 7.0", "no such overload")]
    [InlineData("d > 1", "no such overload")]
    [InlineData("1 + 1.0", "no such overload")]
    [InlineData("'a' == 1", "no such overload")]
    [InlineData("'a' + 1", "no such overload")]
    [InlineData("1.5 % 1.0", "no such overload")]
    [InlineData("!1", "no such overload")]
    [InlineData("1 ? 2 : 3", "no such overload")]
    [InlineData("1 / 0", "divide by zero")]
    [InlineData("1 % 0", "modulus by zero")]
    [InlineData("9223372036854775807 + 1", "integer overflow")]
    [InlineData("-(-9223372036854775807 - 1)", "integer overflow")]
    [InlineData("[1][3]", "index out of range")]
    [InlineData("m.missing", "no such key: missing")]
    [InlineData("m['missing']", "no such key: missing")]
    [InlineData("nothing", "no such attribute: nothing")]
    [InlineData("int('1.5')", "int() cannot convert")]
    [InlineData("int(1e300)", "range error")]
    [InlineData("double('x')", "double() cannot convert")]
    [InlineData("bool('yes')", "bool() cannot convert")]
    [InlineData("frobnicate(1)", "undeclared function 'frobnicate'")]
    [InlineData("size(1)", "no such overload")]
    [InlineData("int(1, 2)", "does not take 2 argument")]
    [InlineData("parseJson('{nope')", "failed to unmarshal JSON")]
    [InlineData("{'a': 1, 'a': 2}", "repeated map key")]
    public void Evaluate_InvalidOperation_ThrowsWithReason(string expression, string reason)
    {
        var error = Assert.Throws<CelException>(() => CelExpression.Parse(expression).Evaluate(Variables));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false && nothing", false)]
    [InlineData("nothing && false", false)]
    [InlineData("true || nothing", true)]
    [InlineData("nothing || true", true)]
    [InlineData("(1 / 0 == 1) || s == 'heads'", true)]
    public void Evaluate_LogicalOperators_AbsorbErrorsLikeCel(string expression, bool expected) =>
        Assert.Equal(expected, CelExpression.Parse(expression).Evaluate(Variables).AsBool);

    [Theory]
    [InlineData("true && nothing")]
    [InlineData("nothing && true")]
    [InlineData("false || nothing")]
    [InlineData("nothing || false")]
    public void Evaluate_LogicalOperators_KeepErrorsThatDecide(string expression) =>
        Assert.Throws<CelException>(() => CelExpression.Parse(expression).Evaluate(Variables));

    [Fact]
    public void Evaluate_FalseBranch_IsNotEvaluated() =>
        Assert.Equal(1L, CelExpression.Parse("true ? 1 : nothing").Evaluate(Variables).AsInt);

    [Theory]
    [InlineData("1 +", 3, "expected an operand but found the end of the expression")]
    [InlineData("(1 + 2", 6, "expected ')'")]
    [InlineData("'unterminated", 0, "unterminated string")]
    [InlineData("a.", 2, "expected a field name")]
    [InlineData("1 2", 2, "unexpected '2'")]
    [InlineData("a # b", 2, "unexpected character '#'")]
    [InlineData("'\\q'", 1, "invalid escape")]
    [InlineData("99999999999999999999", 0, "out of range")]
    [InlineData("1u", 0, "unsigned")]
    [InlineData("b'bytes'", 0, "bytes")]
    public void Parse_SyntaxError_ReportsPosition(string expression, int position, string reason)
    {
        var error = Assert.Throws<CelException>(() => CelExpression.Parse(expression));

        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"at position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_IsRejectedInsteadOfOverflowing()
    {
        var expression = new string('(', 500) + "1" + new string(')', 500);

        Assert.Throws<CelException>(() => CelExpression.Parse(expression));
    }

    [Fact]
    public void Parse_Comments_AreIgnored() =>
        Assert.Equal(3L, CelExpression.Parse("1 + // one\n 2").Evaluate(Variables).AsInt);

    [Fact]
    public void ParameterValueKeys_Condition_ListsTheInputsItReads()
    {
        var expression = CelExpression.Parse(
            "!(inputs.parameter_values['a'] == 'x') && int(inputs.parameter_values[\"b\"]) > 5 || inputs.artifacts['c'].artifacts[0].uri == ''");

        Assert.Equal(["a", "b"], expression.ParameterValueKeys());
    }
}
