using Sharpflow.Pipelines.Cel.Ast;

namespace Sharpflow.Pipelines.Cel;

/// <summary>Recursive-descent parser for CEL's expression grammar, lowest precedence first: <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, relations, <c>+ -</c>, <c>* / %</c>, unary, member.</summary>
internal sealed class CelParser
{
    private const int MaxDepth = 200;

    private readonly List<CelToken> _tokens;
    private int _next;
    private int _depth;

    private CelParser(string source)
    {
        _tokens = CelLexer.Tokenize(source);
    }

    public static CelNode Parse(string source)
    {
        var parser = new CelParser(source);
        var node = parser.Expression();
        var end = parser.Peek;
        return end.Kind == CelTokenKind.End ? node : throw new CelException($"unexpected '{end.Text}'", end.Position);
    }

    private CelToken Peek => _tokens[_next];

    private CelToken Advance() => _tokens[_next++];

    private bool Match(CelTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        _next++;
        return true;
    }

    private CelToken Expect(CelTokenKind kind, string what) =>
        Peek.Kind == kind ? Advance() : throw new CelException($"expected {what} but found {Describe(Peek)}", Peek.Position);

    private CelNode Expression()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelException("expression is nested too deeply", Peek.Position);
        }

        var condition = Or();
        if (Peek.Kind == CelTokenKind.Question)
        {
            var position = Advance().Position;
            var then = Or();
            Expect(CelTokenKind.Colon, "':'");
            var otherwise = Expression();
            condition = new CelConditional(condition, then, otherwise, position);
        }

        _depth--;
        return condition;
    }

    private CelNode Or()
    {
        var left = And();
        while (Peek.Kind == CelTokenKind.OrOr)
        {
            var position = Advance().Position;
            left = new CelBinary(CelOperator.Or, left, And(), position);
        }

        return left;
    }

    private CelNode And()
    {
        var left = Relation();
        while (Peek.Kind == CelTokenKind.AndAnd)
        {
            var position = Advance().Position;
            left = new CelBinary(CelOperator.And, left, Relation(), position);
        }

        return left;
    }

    private CelNode Relation()
    {
        var left = Addition();
        while (true)
        {
            CelOperator? op = Peek.Kind switch
            {
                CelTokenKind.EqualEqual => CelOperator.Equal,
                CelTokenKind.NotEqual => CelOperator.NotEqual,
                CelTokenKind.Less => CelOperator.Less,
                CelTokenKind.LessEqual => CelOperator.LessOrEqual,
                CelTokenKind.Greater => CelOperator.Greater,
                CelTokenKind.GreaterEqual => CelOperator.GreaterOrEqual,
                CelTokenKind.In => CelOperator.In,
                _ => null,
            };
            if (op is null)
            {
                return left;
            }

            var position = Advance().Position;
            left = new CelBinary(op.Value, left, Addition(), position);
        }
    }

    private CelNode Addition()
    {
        var left = Multiplication();
        while (Peek.Kind is CelTokenKind.Plus or CelTokenKind.Minus)
        {
            var token = Advance();
            var op = token.Kind == CelTokenKind.Plus ? CelOperator.Add : CelOperator.Subtract;
            left = new CelBinary(op, left, Multiplication(), token.Position);
        }

        return left;
    }

    private CelNode Multiplication()
    {
        var left = Unary();
        while (Peek.Kind is CelTokenKind.Star or CelTokenKind.Slash or CelTokenKind.Percent)
        {
            var token = Advance();
            var op = token.Kind switch
            {
                CelTokenKind.Star => CelOperator.Multiply,
                CelTokenKind.Slash => CelOperator.Divide,
                _ => CelOperator.Modulo,
            };
            left = new CelBinary(op, left, Unary(), token.Position);
        }

        return left;
    }

    private CelNode Unary()
    {
        var token = Peek;
        if (token.Kind == CelTokenKind.Bang)
        {
            Advance();
            return new CelUnary(CelOperator.Not, Unary(), token.Position);
        }

        if (token.Kind == CelTokenKind.Minus)
        {
            Advance();
            if (Peek.Kind == CelTokenKind.Int && _tokens[_next + 1].Kind is not (CelTokenKind.Dot or CelTokenKind.LeftBracket))
            {
                var literal = Advance();
                return literal.Number <= (ulong)long.MaxValue + 1
                    ? Member(new CelLiteral(CelValue.Of(unchecked(-(long)literal.Number)), token.Position))
                    : throw new CelException($"integer literal -{literal.Text} is out of range", token.Position);
            }

            return new CelUnary(CelOperator.Negate, Unary(), token.Position);
        }

        return Member(Primary());
    }

    private CelNode Member(CelNode operand)
    {
        while (true)
        {
            var token = Peek;
            if (Match(CelTokenKind.Dot))
            {
                var name = Expect(CelTokenKind.Identifier, "a field name after '.'");
                operand = Peek.Kind == CelTokenKind.LeftParen
                    ? new CelCall(operand, name.Text, Arguments(), name.Position)
                    : new CelSelect(operand, name.Text, name.Position);
            }
            else if (Match(CelTokenKind.LeftBracket))
            {
                var index = Expression();
                Expect(CelTokenKind.RightBracket, "']'");
                operand = new CelIndex(operand, index, token.Position);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelNode Primary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case CelTokenKind.Int:
                return token.Number <= long.MaxValue
                    ? new CelLiteral(CelValue.Of((long)token.Number), token.Position)
                    : throw new CelException($"integer literal {token.Text} is out of range", token.Position);
            case CelTokenKind.Double:
                return new CelLiteral(CelValue.Of(token.Real), token.Position);
            case CelTokenKind.String:
                return new CelLiteral(CelValue.Of(token.Text), token.Position);
            case CelTokenKind.True:
                return new CelLiteral(CelValue.True, token.Position);
            case CelTokenKind.False:
                return new CelLiteral(CelValue.False, token.Position);
            case CelTokenKind.Null:
                return new CelLiteral(CelValue.Null, token.Position);
            case CelTokenKind.Identifier:
                return Peek.Kind == CelTokenKind.LeftParen
                    ? new CelCall(null, token.Text, Arguments(), token.Position)
                    : new CelIdentifier(token.Text, token.Position);
            case CelTokenKind.Dot:
                var qualified = Expect(CelTokenKind.Identifier, "an identifier after a leading '.'");
                return new CelIdentifier(qualified.Text, token.Position);
            case CelTokenKind.LeftParen:
                var inner = Expression();
                Expect(CelTokenKind.RightParen, "')'");
                return inner;
            case CelTokenKind.LeftBracket:
                return new CelListLiteral(List(CelTokenKind.RightBracket, "']'", Expression), token.Position);
            case CelTokenKind.LeftBrace:
                return new CelMapLiteral(List(CelTokenKind.RightBrace, "'}'", MapEntry), token.Position);
            default:
                throw new CelException($"expected an operand but found {Describe(token)}", token.Position);
        }
    }

    private KeyValuePair<CelNode, CelNode> MapEntry()
    {
        var key = Expression();
        Expect(CelTokenKind.Colon, "':' in a map literal");
        return new(key, Expression());
    }

    private List<CelNode> Arguments()
    {
        Expect(CelTokenKind.LeftParen, "'('");
        return List(CelTokenKind.RightParen, "')'", Expression);
    }

    /// <summary>Comma-separated items up to <paramref name="close"/>, allowing a trailing comma.</summary>
    private List<T> List<T>(CelTokenKind close, string closeText, Func<T> item)
    {
        var items = new List<T>();
        while (!Match(close))
        {
            items.Add(item());
            if (!Match(CelTokenKind.Comma))
            {
                Expect(close, closeText);
                break;
            }
        }

        return items;
    }

    private static string Describe(CelToken token) => token.Kind == CelTokenKind.End ? "the end of the expression" : $"'{token.Text}'";
}
