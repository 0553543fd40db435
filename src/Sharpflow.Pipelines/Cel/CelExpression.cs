// Why this folder exists: KFP writes trigger conditions and parameter selectors in CEL (the Common
// Expression Language), and its backend evaluates them with cel-go. No CEL evaluator exists on NuGet,
// so this is the smallest correct piece for the subset KFP emits and users write in dsl.If:
//
//   literals      int (decimal, hex), double, string ('..', "..", '''..''', r'..', with CEL escapes), bool, null
//   access        identifiers, .field, [index] on lists and maps, has(x.f)
//   literals      lists [..] and maps {k: v}
//   operators     ! and unary -, * / %, + - (numbers, string and list concatenation), == != < <= > >=, in,
//                 && || (commutative over errors, as in CEL), ternary ?:
//   functions     int() double() string() bool() dyn() size() (also x.size()), contains/startsWith/endsWith,
//                 and KFP's parseJson(string)
//
// Typing follows the cel-go version KFP runs: int and double are distinct, there is no implicit
// conversion, and comparing values of different types is an error ("no such overload"), which is why the
// KFP compiler wraps numbers in int() or double(). Not covered: unsigned ints, bytes, timestamps and
// durations, comprehension macros (all, exists, map, filter), message construction, type checking.
using Sharpflow.Pipelines.Cel.Ast;

namespace Sharpflow.Pipelines.Cel;

/// <summary>A parsed CEL expression, evaluated against named variables.</summary>
internal sealed class CelExpression
{
    private readonly CelNode _root;

    private CelExpression(string source, CelNode root)
    {
        Source = source;
        _root = root;
    }

    public string Source { get; }

    /// <summary>Parses <paramref name="source"/>; a syntax error is a <see cref="CelException"/> with its position.</summary>
    public static CelExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CelExpression(source, CelParser.Parse(source));
    }

    public CelValue Evaluate(IReadOnlyDictionary<string, CelValue> variables) => new CelEvaluator(variables).Evaluate(_root);

    /// <summary>The constant string keys of every <c>inputs.parameter_values['…']</c> the expression reads.</summary>
    public IReadOnlyList<string> ParameterValueKeys()
    {
        var keys = new List<string>();
        Collect(_root, keys);
        return keys;
    }

    private static void Collect(CelNode? node, List<string> keys)
    {
        switch (node)
        {
            case CelIndex { Operand: CelSelect { Field: "parameter_values", Operand: CelIdentifier { Name: "inputs" } }, Index: CelLiteral literal }
                when literal.Value.Kind == CelKind.String:
                keys.Add(literal.Value.AsString);
                break;
            case CelIndex index:
                Collect(index.Operand, keys);
                Collect(index.Index, keys);
                break;
            case CelSelect select:
                Collect(select.Operand, keys);
                break;
            case CelUnary unary:
                Collect(unary.Operand, keys);
                break;
            case CelBinary binary:
                Collect(binary.Left, keys);
                Collect(binary.Right, keys);
                break;
            case CelConditional conditional:
                Collect(conditional.Condition, keys);
                Collect(conditional.Then, keys);
                Collect(conditional.Else, keys);
                break;
            case CelCall call:
                Collect(call.Target, keys);
                call.Arguments.ToList().ForEach(argument => Collect(argument, keys));
                break;
            case CelListLiteral list:
                list.Items.ToList().ForEach(item => Collect(item, keys));
                break;
            case CelMapLiteral map:
                map.Entries.ToList().ForEach(entry =>
                {
                    Collect(entry.Key, keys);
                    Collect(entry.Value, keys);
                });
                break;
        }
    }
}
