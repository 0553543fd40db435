using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Values;

/// <summary>
/// Compact JSON as KFP's Go backend writes it: numbers in Go's shortest form (1.0 is "1").
/// <see cref="Canonical"/> also sorts object keys and escapes HTML characters, as Go's
/// <c>encoding/json</c> does, so that equal values always give equal bytes (cache fingerprints).
/// </summary>
internal static class KfpJson
{
    public static string Compact(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, canonical: false);
        return builder.ToString();
    }

    public static string Canonical(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, canonical: true);
        return builder.ToString();
    }

    /// <summary>A JSON number as a double, whatever CLR type backs the node.</summary>
    public static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<long>(out var l) ? l
        : value.TryGetValue<int>(out var i) ? i
        : value.TryGetValue<decimal>(out var m) ? (double)m
        : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Write(StringBuilder builder, JsonNode? node, bool canonical)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                IEnumerable<KeyValuePair<string, JsonNode?>> properties = canonical
                    ? obj.OrderBy(p => p.Key, Utf8Order.Instance)
                    : obj;
                foreach (var (key, value) in properties)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, key, canonical);
                    builder.Append(':');
                    Write(builder, value, canonical);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i], canonical);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        WriteString(builder, value.GetValue<string>(), canonical);
                        break;
                    case JsonValueKind.Number:
                        builder.Append(GoFloat.FormatJson(ToDouble(value)));
                        break;
                    case JsonValueKind.True:
                        builder.Append("true");
                        break;
                    case JsonValueKind.False:
                        builder.Append("false");
                        break;
                    default:
                        builder.Append("null");
                        break;
                }

                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text, bool htmlSafe)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ':
                case '<' or '>' or '&' or '\u2028' or '\u2029' when htmlSafe:
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Go sorts map keys by their UTF-8 bytes, which is code-point order.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? string.Empty).EnumerateRunes().GetEnumerator();
            var right = (y ?? string.Empty).EnumerateRunes().GetEnumerator();
            while (true)
            {
                var hasLeft = left.MoveNext();
                var hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }

                var order = left.Current.Value.CompareTo(right.Current.Value);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
