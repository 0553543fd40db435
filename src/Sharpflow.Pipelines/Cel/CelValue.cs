using System.Globalization;

namespace Sharpflow.Pipelines.Cel;

/// <summary>
/// A CEL runtime value. <c>int</c> (64-bit) and <c>double</c> are distinct types, as in CEL: there is no
/// implicit conversion between them, so <c>1 == 1.0</c> is an error and KFP wraps values in <c>int()</c>/<c>double()</c>.
/// </summary>
internal sealed class CelValue : IEquatable<CelValue>
{
    public static readonly CelValue Null = new(CelKind.Null, null);
    public static readonly CelValue True = new(CelKind.Bool, true);
    public static readonly CelValue False = new(CelKind.Bool, false);

    private readonly object? _value;

    private CelValue(CelKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    public CelKind Kind { get; }

    public bool AsBool => (bool)_value!;

    public long AsInt => (long)_value!;

    public double AsDouble => (double)_value!;

    public string AsString => (string)_value!;

    public IReadOnlyList<CelValue> AsList => (IReadOnlyList<CelValue>)_value!;

    public IReadOnlyDictionary<CelValue, CelValue> AsMap => (IReadOnlyDictionary<CelValue, CelValue>)_value!;

    /// <summary>The CEL type name, for error messages.</summary>
    public string TypeName => Kind switch
    {
        CelKind.Null => "null_type",
        CelKind.Bool => "bool",
        CelKind.Int => "int",
        CelKind.Double => "double",
        CelKind.String => "string",
        CelKind.List => "list",
        _ => "map",
    };

    public static CelValue Of(bool value) => value ? True : False;

    public static CelValue Of(long value) => new(CelKind.Int, value);

    public static CelValue Of(double value) => new(CelKind.Double, value);

    public static CelValue Of(string value) => new(CelKind.String, value);

    public static CelValue Of(IReadOnlyList<CelValue> items) => new(CelKind.List, items);

    public static CelValue Of(IReadOnlyDictionary<CelValue, CelValue> entries) => new(CelKind.Map, entries);

    /// <summary>A map with string keys.</summary>
    public static CelValue Of(IEnumerable<KeyValuePair<string, CelValue>> entries) =>
        Of(entries.ToDictionary(e => Of(e.Key), e => e.Value));

    /// <summary>Structural identity, used for map keys; CEL's <c>==</c> is <see cref="CelOperators"/>.</summary>
    public bool Equals(CelValue? other) =>
        other is not null && Kind == other.Kind && Kind switch
        {
            CelKind.List => AsList.SequenceEqual(other.AsList),
            CelKind.Map => AsMap.Count == other.AsMap.Count
                && AsMap.All(e => other.AsMap.TryGetValue(e.Key, out var v) && e.Value.Equals(v)),
            _ => Equals(_value, other._value),
        };

    public override bool Equals(object? obj) => Equals(obj as CelValue);

    public override int GetHashCode() => Kind switch
    {
        CelKind.List => HashCode.Combine(Kind, AsList.Count),
        CelKind.Map => HashCode.Combine(Kind, AsMap.Count),
        _ => HashCode.Combine(Kind, _value),
    };

    public override string ToString() => Kind switch
    {
        CelKind.Null => "null",
        CelKind.Bool => AsBool ? "true" : "false",
        CelKind.Int => AsInt.ToString(CultureInfo.InvariantCulture),
        CelKind.Double => AsDouble.ToString("R", CultureInfo.InvariantCulture),
        CelKind.String => $"\"{AsString}\"",
        CelKind.List => $"[{string.Join(", ", AsList)}]",
        _ => $"{{{string.Join(", ", AsMap.Select(e => $"{e.Key}: {e.Value}"))}}}",
    };
}
