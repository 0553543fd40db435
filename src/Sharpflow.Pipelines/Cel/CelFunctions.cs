using System.Globalization;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Cel;

/// <summary>The built-in functions of the subset: conversions, <c>size</c>, string tests, and KFP's <c>parseJson</c>.</summary>
internal static class CelFunctions
{
    /// <summary>Calls <paramref name="name"/>; for a method call (<c>x.size()</c>) the target is the first argument.</summary>
    public static CelValue Call(string name, IReadOnlyList<CelValue> args, int position) => (name, args.Count) switch
    {
        ("int", 1) => ToInt(args[0], position),
        ("double", 1) => ToDouble(args[0], position),
        ("string", 1) => CelValue.Of(ToText(args[0], position)),
        ("bool", 1) => ToBool(args[0], position),
        ("dyn", 1) => args[0],
        ("size", 1) => CelValue.Of(Size(args[0], position)),
        ("parseJson", 1) => args[0].Kind == CelKind.String
            ? CelJson.Parse(args[0].AsString, position)
            : throw CelOperators.NoOverload("parseJson", position, args[0]),
        ("contains", 2) => StringTest(args, position, name, (s, t) => s.Contains(t, StringComparison.Ordinal)),
        ("startsWith", 2) => StringTest(args, position, name, (s, t) => s.StartsWith(t, StringComparison.Ordinal)),
        ("endsWith", 2) => StringTest(args, position, name, (s, t) => s.EndsWith(t, StringComparison.Ordinal)),
        ("int" or "double" or "string" or "bool" or "dyn" or "size" or "parseJson" or "contains" or "startsWith" or "endsWith", _) =>
            throw new CelException($"function '{name}' does not take {args.Count} argument(s)", position),
        _ => throw new CelException($"undeclared function '{name}'", position),
    };

    private static CelValue ToInt(CelValue value, int position)
    {
        switch (value.Kind)
        {
            case CelKind.Int:
                return value;
            case CelKind.Double:
                var truncated = Math.Truncate(value.AsDouble);
                return double.IsFinite(truncated) && truncated >= -9.2233720368547758E+18 && truncated < 9.2233720368547758E+18
                    ? CelValue.Of((long)truncated)
                    : throw new CelException($"int() range error: {GoFloat.FormatGeneral(value.AsDouble)}", position);
            case CelKind.String:
                return long.TryParse(value.AsString, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.Of(parsed)
                    : throw new CelException($"int() cannot convert string \"{value.AsString}\"", position);
            default:
                throw CelOperators.NoOverload("int", position, value);
        }
    }

    private static CelValue ToDouble(CelValue value, int position) => value.Kind switch
    {
        CelKind.Double => value,
        CelKind.Int => CelValue.Of((double)value.AsInt),
        CelKind.String => ParseDouble(value.AsString) is { } parsed
            ? CelValue.Of(parsed)
            : throw new CelException($"double() cannot convert string \"{value.AsString}\"", position),
        _ => throw CelOperators.NoOverload("double", position, value),
    };

    private static double? ParseDouble(string text) =>
        text switch
        {
            "inf" or "+inf" or "Inf" or "+Inf" or "infinity" or "Infinity" => double.PositiveInfinity,
            "-inf" or "-Inf" or "-infinity" or "-Infinity" => double.NegativeInfinity,
            "nan" or "NaN" => double.NaN,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        };

    private static string ToText(CelValue value, int position) => value.Kind switch
    {
        CelKind.String => value.AsString,
        CelKind.Int => value.AsInt.ToString(CultureInfo.InvariantCulture),
        CelKind.Double => GoFloat.FormatGeneral(value.AsDouble),
        CelKind.Bool => value.AsBool ? "true" : "false",
        _ => throw CelOperators.NoOverload("string", position, value),
    };

    private static CelValue ToBool(CelValue value, int position) => value.Kind switch
    {
        CelKind.Bool => value,
        CelKind.String => value.AsString switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => CelValue.True,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => CelValue.False,
            _ => throw new CelException($"bool() cannot convert string \"{value.AsString}\"", position),
        },
        _ => throw CelOperators.NoOverload("bool", position, value),
    };

    private static long Size(CelValue value, int position) => value.Kind switch
    {
        CelKind.String => value.AsString.EnumerateRunes().Count(),
        CelKind.List => value.AsList.Count,
        CelKind.Map => value.AsMap.Count,
        _ => throw CelOperators.NoOverload("size", position, value),
    };

    private static CelValue StringTest(IReadOnlyList<CelValue> args, int position, string name, Func<string, string, bool> test) =>
        args[0].Kind == CelKind.String && args[1].Kind == CelKind.String
            ? CelValue.Of(test(args[0].AsString, args[1].AsString))
            : throw CelOperators.NoOverload(name, position, [.. args]);
}
