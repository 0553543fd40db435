using Sharpflow.Pipelines.Cel.Ast;

namespace Sharpflow.Pipelines.Cel;

/// <summary>Walks a parsed expression against variable bindings.</summary>
internal sealed class CelEvaluator(IReadOnlyDictionary<string, CelValue> variables)
{
    public CelValue Evaluate(CelNode node) => node switch
    {
        CelLiteral literal => literal.Value,
        CelIdentifier identifier => variables.TryGetValue(identifier.Name, out var value)
            ? value
            : throw new CelException($"no such attribute: {identifier.Name}", identifier.Position),
        CelSelect select => Field(Evaluate(select.Operand), select.Field, select.Position),
        CelIndex index => Index(Evaluate(index.Operand), Evaluate(index.Index), index.Position),
        CelUnary { Operator: CelOperator.Not } unary => CelOperators.Not(Evaluate(unary.Operand), unary.Position),
        CelUnary unary => CelOperators.Negate(Evaluate(unary.Operand), unary.Position),
        CelBinary { Operator: CelOperator.And } and => Logical(and, shortCircuit: false),
        CelBinary { Operator: CelOperator.Or } or => Logical(or, shortCircuit: true),
        CelBinary binary => CelOperators.Binary(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right), binary.Position),
        CelConditional conditional => Conditional(conditional),
        CelListLiteral list => CelValue.Of(list.Items.Select(Evaluate).ToList()),
        CelMapLiteral map => Map(map),
        CelCall call => Call(call),
        _ => throw new CelException($"unsupported expression {node.GetType().Name}", node.Position),
    };

    /// <summary>
    /// <c>&amp;&amp;</c> and <c>||</c> are commutative over errors, as in CEL: <c>false &amp;&amp; error</c> and
    /// <c>error &amp;&amp; false</c> are both false; <c>true || error</c> and <c>error || true</c> are both true.
    /// </summary>
    private CelValue Logical(CelBinary node, bool shortCircuit)
    {
        var op = shortCircuit ? "||" : "&&";
        CelException? leftError = null;
        try
        {
            var left = Evaluate(node.Left);
            if (left.Kind != CelKind.Bool)
            {
                throw CelOperators.NoOverload(op, node.Position, left);
            }

            if (left.AsBool == shortCircuit)
            {
                return left;
            }
        }
        catch (CelException e)
        {
            leftError = e;
        }

        var right = Evaluate(node.Right);
        if (right.Kind != CelKind.Bool)
        {
            throw leftError ?? CelOperators.NoOverload(op, node.Position, right);
        }

        return right.AsBool == shortCircuit || leftError is null ? right : throw leftError;
    }

    private CelValue Conditional(CelConditional node)
    {
        var condition = Evaluate(node.Condition);
        return condition.Kind == CelKind.Bool
            ? Evaluate(condition.AsBool ? node.Then : node.Else)
            : throw CelOperators.NoOverload("_?_:_", node.Position, condition);
    }

    private CelValue Map(CelMapLiteral node)
    {
        var entries = new Dictionary<CelValue, CelValue>();
        foreach (var (keyNode, valueNode) in node.Entries)
        {
            var key = Evaluate(keyNode);
            if (key.Kind is not (CelKind.String or CelKind.Int or CelKind.Bool))
            {
                throw new CelException($"unsupported map key type {key.TypeName}", keyNode.Position);
            }

            if (!entries.TryAdd(key, Evaluate(valueNode)))
            {
                throw new CelException($"repeated map key {key}", keyNode.Position);
            }
        }

        return CelValue.Of(entries);
    }

    private CelValue Call(CelCall call)
    {
        if (call is { Target: null, Function: "has", Arguments: [CelSelect field] })
        {
            var operand = Evaluate(field.Operand);
            return operand.Kind == CelKind.Map
                ? CelValue.Of(operand.AsMap.ContainsKey(CelValue.Of(field.Field)))
                : throw CelOperators.NoOverload("has", call.Position, operand);
        }

        var args = new List<CelValue>(call.Arguments.Count + 1);
        if (call.Target is not null)
        {
            args.Add(Evaluate(call.Target));
        }

        args.AddRange(call.Arguments.Select(Evaluate));
        return CelFunctions.Call(call.Function, args, call.Position);
    }

    private static CelValue Field(CelValue operand, string field, int position) =>
        operand.Kind == CelKind.Map
            ? operand.AsMap.TryGetValue(CelValue.Of(field), out var value) ? value : throw new CelException($"no such key: {field}", position)
            : throw new CelException($"type {operand.TypeName} has no field '{field}'", position);

    private static CelValue Index(CelValue operand, CelValue index, int position)
    {
        switch (operand.Kind)
        {
            case CelKind.List:
                var list = operand.AsList;
                var at = index.Kind switch
                {
                    CelKind.Int => index.AsInt,
                    CelKind.Double when index.AsDouble == Math.Truncate(index.AsDouble) => (long)index.AsDouble,
                    _ => throw CelOperators.NoOverload("_[_]", position, operand, index),
                };
                return at >= 0 && at < list.Count ? list[(int)at] : throw new CelException($"index out of range: {at}", position);
            case CelKind.Map:
                var key = index.Kind == CelKind.Double && index.AsDouble == Math.Truncate(index.AsDouble)
                    ? CelValue.Of((long)index.AsDouble)
                    : index;
                return operand.AsMap.TryGetValue(key, out var value)
                    ? value
                    : throw new CelException($"no such key: {(index.Kind == CelKind.String ? index.AsString : index.ToString())}", position);
            default:
                throw CelOperators.NoOverload("_[_]", position, operand, index);
        }
    }
}
