using Sharpflow.Api.Errors;

namespace Sharpflow.Api.Selectors;

/// <summary>
/// Recursive-descent parser for label selectors:
/// <c>selector := requirement ("," requirement)*</c>;
/// <c>requirement := "!" key | key [("=" | "==" | "!=") value | ("in" | "notin") "(" value ("," value)* ")"]</c>.
/// </summary>
internal sealed class LabelSelectorParser
{
    private readonly string _text;
    private readonly List<SelectorToken> _tokens;
    private int _index;

    public LabelSelectorParser(string text)
    {
        _text = text;
        _tokens = SelectorLexer.Tokenize(text);
    }

    private SelectorToken Current => _tokens[_index];

    public List<LabelRequirement> Parse()
    {
        var requirements = new List<LabelRequirement> { ParseRequirement() };
        while (Current.Kind == SelectorTokenKind.Comma)
        {
            _index++;
            requirements.Add(ParseRequirement());
        }

        if (Current.Kind != SelectorTokenKind.End)
        {
            throw Error($"expected ',' or end of selector but found {Current.Describe()}", Current.Position);
        }

        return requirements;
    }

    private LabelRequirement ParseRequirement()
    {
        if (Current.Kind == SelectorTokenKind.Bang)
        {
            _index++;
            return new(ParseKey(), SelectorOperator.DoesNotExist, []);
        }

        var key = ParseKey();
        var op = Current;
        switch (op.Kind)
        {
            case SelectorTokenKind.Comma or SelectorTokenKind.End:
                return new(key, SelectorOperator.Exists, []);
            case SelectorTokenKind.Equals or SelectorTokenKind.DoubleEquals:
                _index++;
                return new(key, SelectorOperator.Equals, [ParseValue()]);
            case SelectorTokenKind.NotEquals:
                _index++;
                return new(key, SelectorOperator.NotEquals, [ParseValue()]);
            case SelectorTokenKind.Identifier when op.Text is "in" or "notin":
                _index++;
                return new(key, op.Text == "in" ? SelectorOperator.In : SelectorOperator.NotIn, ParseValueSet(op));
            default:
                throw Error($"expected one of '=', '==', '!=', 'in', 'notin', ',' after key \"{key}\" but found {op.Describe()}", op.Position);
        }
    }

    private string ParseKey()
    {
        var token = Current;
        if (token.Kind != SelectorTokenKind.Identifier)
        {
            throw Error($"expected a label key but found {token.Describe()}", token.Position);
        }

        _index++;
        var problem = LabelSyntax.ValidateKey(token.Text);
        return problem is null ? token.Text : throw Error(problem, token.Position);
    }

    private string ParseValue()
    {
        var token = Current;
        if (token.Kind is SelectorTokenKind.Comma or SelectorTokenKind.End or SelectorTokenKind.CloseParen)
        {
            return string.Empty;
        }

        if (token.Kind != SelectorTokenKind.Identifier)
        {
            throw Error($"expected a label value but found {token.Describe()}", token.Position);
        }

        _index++;
        var problem = LabelSyntax.ValidateValue(token.Text);
        return problem is null ? token.Text : throw Error(problem, token.Position);
    }

    private List<string> ParseValueSet(SelectorToken op)
    {
        if (Current.Kind != SelectorTokenKind.OpenParen)
        {
            throw Error($"expected '(' after '{op.Text}' but found {Current.Describe()}", Current.Position);
        }

        _index++;
        if (Current.Kind == SelectorTokenKind.CloseParen)
        {
            throw Error($"the value set of '{op.Text}' must not be empty", Current.Position);
        }

        var values = new List<string> { ParseValue() };
        while (Current.Kind == SelectorTokenKind.Comma)
        {
            _index++;
            values.Add(ParseValue());
        }

        if (Current.Kind != SelectorTokenKind.CloseParen)
        {
            throw Error($"expected ',' or ')' in the value set of '{op.Text}' but found {Current.Describe()}", Current.Position);
        }

        _index++;
        return values;
    }

    private ResourceException Error(string problem, int position) =>
        ResourceException.BadRequest($"unable to parse label selector \"{_text}\": {problem} at position {position}", "labelSelector");
}
