using Sharpflow.Pipelines.Cel.Ast;

namespace Sharpflow.Pipelines.Cel;

/// <summary>CEL's operators over <see cref="CelValue"/>: strict typing, checked integer arithmetic.</summary>
internal static class CelOperators
{
    public static CelValue Binary(CelOperator op, CelValue left, CelValue right, int position) => op switch
    {
        CelOperator.Equal => CelValue.Of(AreEqual(left, right, position)),
        CelOperator.NotEqual => CelValue.Of(!AreEqual(left, right, position)),
        CelOperator.Less => CelValue.Of(Compare(left, right, "<", position) < 0),
        CelOperator.LessOrEqual => CelValue.Of(Compare(left, right, "<=", position) <= 0),
        CelOperator.Greater => CelValue.Of(Compare(left, right, ">", position) > 0),
        CelOperator.GreaterOrEqual => CelValue.Of(Compare(left, right, ">=", position) >= 0),
        CelOperator.In => CelValue.Of(Contains(right, left, position)),
        CelOperator.Add => Add(left, right, position),
        CelOperator.Subtract => Arithmetic(left, right, "-", position, (a, b) => checked(a - b), (a, b) => a - b),
        CelOperator.Multiply => Arithmetic(left, right, "*", position, (a, b) => checked(a * b), (a, b) => a * b),
        CelOperator.Divide => Divide(left, right, position),
        CelOperator.Modulo => Modulo(left, right, position),
        _ => throw new CelException($"unsupported operator {op}", position),
    };

    public static CelValue Negate(CelValue operand, int position) => operand.Kind switch
    {
        CelKind.Int when operand.AsInt == long.MinValue => throw new CelException("integer overflow", position),
        CelKind.Int => CelValue.Of(-operand.AsInt),
        CelKind.Double => CelValue.Of(-operand.AsDouble),
        _ => throw NoOverload("-", position, operand),
    };

    public static CelValue Not(CelValue operand, int position) =>
        operand.Kind == CelKind.Bool ? CelValue.Of(!operand.AsBool) : throw NoOverload("!", position, operand);

    /// <summary>
    /// CEL equality without heterogeneous numbers, as the cel-go version KFP uses: comparing an int with a
    /// double, or values of different types, is an error ("no such overload"); null equals only null.
    /// </summary>
    public static bool AreEqual(CelValue left, CelValue right, int position)
    {
        if (left.Kind == CelKind.Null || right.Kind == CelKind.Null)
        {
            return left.Kind == right.Kind;
        }

        if (left.Kind != right.Kind)
        {
            throw NoOverload("==", position, left, right);
        }

        return left.Kind switch
        {
            CelKind.List => left.AsList.Count == right.AsList.Count
                && left.AsList.Zip(right.AsList).All(pair => AreEqual(pair.First, pair.Second, position)),
            CelKind.Map => left.AsMap.Count == right.AsMap.Count
                && left.AsMap.All(e => right.AsMap.TryGetValue(e.Key, out var other) && AreEqual(e.Value, other, position)),
            CelKind.Double => left.AsDouble == right.AsDouble,
            _ => left.Equals(right),
        };
    }

    public static CelException NoOverload(string op, int position, params CelValue[] operands) =>
        new($"no such overload: {op}({string.Join(", ", operands.Select(o => o.TypeName))})", position);

    private static int Compare(CelValue left, CelValue right, string op, int position) => (left.Kind, right.Kind) switch
    {
        (CelKind.Int, CelKind.Int) => left.AsInt.CompareTo(right.AsInt),
        (CelKind.Double, CelKind.Double) when double.IsNaN(left.AsDouble) || double.IsNaN(right.AsDouble) => op == "<" || op == "<=" ? 1 : -1,
        (CelKind.Double, CelKind.Double) => left.AsDouble.CompareTo(right.AsDouble),
        (CelKind.String, CelKind.String) => string.CompareOrdinal(left.AsString, right.AsString),
        (CelKind.Bool, CelKind.Bool) => left.AsBool.CompareTo(right.AsBool),
        _ => throw NoOverload(op, position, left, right),
    };

    private static bool Contains(CelValue container, CelValue item, int position) => container.Kind switch
    {
        CelKind.List => container.AsList.Any(element => element.Kind == item.Kind && AreEqual(element, item, position)),
        CelKind.Map => container.AsMap.ContainsKey(item),
        _ => throw NoOverload("in", position, item, container),
    };

    private static CelValue Add(CelValue left, CelValue right, int position) => (left.Kind, right.Kind) switch
    {
        (CelKind.String, CelKind.String) => CelValue.Of(left.AsString + right.AsString),
        (CelKind.List, CelKind.List) => CelValue.Of((IReadOnlyList<CelValue>)[.. left.AsList, .. right.AsList]),
        _ => Arithmetic(left, right, "+", position, (a, b) => checked(a + b), (a, b) => a + b),
    };

    private static CelValue Divide(CelValue left, CelValue right, int position)
    {
        if (left.Kind == CelKind.Int && right.Kind == CelKind.Int)
        {
            if (right.AsInt == 0)
            {
                throw new CelException("divide by zero", position);
            }

            return left.AsInt == long.MinValue && right.AsInt == -1
                ? throw new CelException("integer overflow", position)
                : CelValue.Of(left.AsInt / right.AsInt);
        }

        return Arithmetic(left, right, "/", position, (_, _) => 0, (a, b) => a / b);
    }

    private static CelValue Modulo(CelValue left, CelValue right, int position)
    {
        if (left.Kind != CelKind.Int || right.Kind != CelKind.Int)
        {
            throw NoOverload("%", position, left, right);
        }

        return right.AsInt == 0
            ? throw new CelException("modulus by zero", position)
            : CelValue.Of(right.AsInt == -1 ? 0 : left.AsInt % right.AsInt);
    }

    private static CelValue Arithmetic(
        CelValue left, CelValue right, string op, int position, Func<long, long, long> integer, Func<double, double, double> real)
    {
        switch (left.Kind, right.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                try
                {
                    return CelValue.Of(integer(left.AsInt, right.AsInt));
                }
                catch (OverflowException)
                {
                    throw new CelException("integer overflow", position);
                }

            case (CelKind.Double, CelKind.Double):
                return CelValue.Of(real(left.AsDouble, right.AsDouble));
            default:
                throw NoOverload(op, position, left, right);
        }
    }
}
