using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>
/// KFP's <c>Filter</c>: a URL-encoded JSON <c>{predicates: [{operation, key, string_value | int_value | long_value |
/// timestamp_value | int_values | long_values | string_values}]}</c>, all predicates AND-ed. Operations by number or
/// name, field names in snake_case or camelCase; anything unreadable is a 400 naming the filter and what to change.
/// </summary>
internal sealed class KfpFilter<T>
{
    private const string Parameter = "filter";

    private static readonly Dictionary<string, KfpOperation> OperationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EQUALS"] = KfpOperation.Equals,
        ["NOT_EQUALS"] = KfpOperation.NotEquals,
        ["GREATER_THAN"] = KfpOperation.GreaterThan,
        ["GREATER_THAN_EQUALS"] = KfpOperation.GreaterThanEquals,
        ["LESS_THAN"] = KfpOperation.LessThan,
        ["LESS_THAN_EQUALS"] = KfpOperation.LessThanEquals,
        ["IN"] = KfpOperation.In,
        ["IS_SUBSTRING"] = KfpOperation.IsSubstring,
    };

    private static readonly HashSet<string> ValueFields =
        ["int_value", "long_value", "string_value", "timestamp_value", "int_values", "long_values", "string_values"];

    private KfpFilter(string? raw, IReadOnlyList<KfpPredicate<T>> predicates)
    {
        Raw = raw;
        Predicates = predicates;
    }

    /// <summary>The filter as the client sent it (kept in page tokens).</summary>
    public string? Raw { get; }

    public IReadOnlyList<KfpPredicate<T>> Predicates { get; }

    public bool Matches(T item) => Predicates.All(p => p.Matches(item));

    public static KfpFilter<T> Parse(string? raw, KfpListFields<T> fields)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new KfpFilter<T>(null, []);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException e)
        {
            throw Invalid($"is not JSON (line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}): send a URL-encoded Filter such as {{\"predicates\":[{{\"operation\":\"EQUALS\",\"key\":\"display_name\",\"string_value\":\"x\"}}]}}");
        }

        if (node is not JsonObject filter)
        {
            throw Invalid("must be a JSON object with a \"predicates\" list");
        }

        var predicates = new List<KfpPredicate<T>>();
        foreach (var (name, value) in filter)
        {
            if (Snake(name) != "predicates")
            {
                throw Invalid($"has an unknown field \"{name}\": a Filter has only \"predicates\"");
            }

            if (value is not (JsonArray or null))
            {
                throw Invalid("predicates must be a list");
            }

            var index = 0;
            foreach (var item in value?.AsArray() ?? [])
            {
                predicates.Add(ParsePredicate(item as JsonObject ?? throw Invalid($"predicates[{index}] must be an object"), index, fields));
                index++;
            }
        }

        return new KfpFilter<T>(raw, predicates);
    }

    private static KfpPredicate<T> ParsePredicate(JsonObject predicate, int index, KfpListFields<T> fields)
    {
        var at = $"predicates[{index}]";
        KfpOperation? operation = null;
        string? key = null;
        (string Name, JsonNode Value)? operand = null;
        foreach (var (rawName, value) in predicate)
        {
            var name = Snake(rawName);
            if (value is null)
            {
                continue;
            }

            if (name is "operation" or "op")
            {
                operation = ParseOperation(value, at);
            }
            else if (name == "key")
            {
                key = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw Invalid($"{at}.key must be a string");
            }
            else if (ValueFields.Contains(name))
            {
                operand = operand is null ? (name, value) : throw Invalid($"{at} has both {operand.Value.Name} and {name}: give one value");
            }
            else
            {
                throw Invalid($"{at} has an unknown field \"{rawName}\": use operation, key and one of {string.Join(", ", ValueFields)}");
            }
        }

        if (operation is null)
        {
            throw Invalid($"{at}.operation is required: one of {string.Join(", ", OperationNames.Keys)} (or its number)");
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw Invalid($"{at}.key is required: one of {fields.Describe()}");
        }

        if (!fields.TryGet(key, out var keyName, out var field))
        {
            throw Invalid($"{at}.key \"{key}\" is not a field of {fields.Resource} that can be filtered on; use one of {fields.Describe()}");
        }

        if (operand is null)
        {
            throw Invalid($"{at} has no value: set one of {string.Join(", ", ValueFields)}");
        }

        var operands = ReadOperands(operand.Value.Name, operand.Value.Value, operation.Value, field, $"{at}.{operand.Value.Name}");
        if (field.Normalize is { } normalize)
        {
            operands = [.. operands.Select(o => o.Kind == KfpValueKind.String ? KfpValue.Of(normalize(o.Text)) : o)];
        }

        if (operation == KfpOperation.IsSubstring && field.Kind != KfpValueKind.String)
        {
            throw Invalid($"{at}: IS_SUBSTRING applies to text keys, and {keyName} is not one");
        }

        return new KfpPredicate<T>(keyName, field, operation.Value, operands);
    }

    private static KfpOperation ParseOperation(JsonNode value, string at)
    {
        if (value is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number) && Enum.IsDefined((KfpOperation)number))
            {
                return (KfpOperation)number;
            }

            if (v.GetValueKind() == JsonValueKind.String && OperationNames.TryGetValue(v.GetValue<string>(), out var named))
            {
                return named;
            }
        }

        throw Invalid($"{at}.operation {value.ToJsonString()} is not an operation: use one of {string.Join(", ", OperationNames.Select(o => $"{o.Key} ({(int)o.Value})"))}");
    }

    private static List<KfpValue> ReadOperands(string name, JsonNode value, KfpOperation operation, KfpField<T> field, string at)
    {
        var isList = name.EndsWith("_values", StringComparison.Ordinal);
        if (operation == KfpOperation.In != isList)
        {
            throw Invalid(operation == KfpOperation.In
                ? $"{at}: IN takes a list (int_values, long_values or string_values)"
                : $"{at}: {operation} takes one value (int_value, long_value, string_value or timestamp_value), not a list");
        }

        if (!isList)
        {
            return [ReadScalar(name, value, field, at)];
        }

        var items = (value as JsonObject)?["values"] as JsonArray
            ?? throw Invalid($"{at} must be an object with a \"values\" list");
        var scalarName = name[..^"s".Length];
        return [.. items.Select((item, i) => ReadScalar(scalarName, item ?? throw Invalid($"{at}.values[{i}] is null"), field, $"{at}.values[{i}]"))];
    }

    private static KfpValue ReadScalar(string name, JsonNode value, KfpField<T> field, string at)
    {
        switch (field.Kind)
        {
            case KfpValueKind.String when name == "string_value" && value is JsonValue v && v.TryGetValue<string>(out var text):
                return KfpValue.Of(text);
            case KfpValueKind.String:
                throw Invalid($"{at}: this key holds text; compare it with string_value (or string_values for IN)");
            case KfpValueKind.Time when name == "timestamp_value" || (name == "string_value" && value is JsonValue):
                return KfpValue.Of(TimestampSeconds(value, at));
            case KfpValueKind.Time or KfpValueKind.Number when name is "int_value" or "long_value":
                return KfpValue.Of(Integer(value, at));
            default:
                throw Invalid($"{at}: this key holds {(field.Kind == KfpValueKind.Time ? "a time; use timestamp_value (RFC 3339) or long_value (Unix seconds)" : "a number; use int_value or long_value")}");
        }
    }

    private static long Integer(JsonNode value, string at)
    {
        if (value is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var number))
            {
                return number;
            }

            if (v.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw Invalid($"{at} must be a whole number, not {value.ToJsonString()}");
    }

    private static long TimestampSeconds(JsonNode value, string at)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUnixTimeSeconds();
        }

        if (value is JsonObject obj && obj["seconds"] is { } seconds)
        {
            return Integer(seconds, at + ".seconds");
        }

        throw Invalid($"{at} must be an RFC 3339 time such as \"2024-01-31T09:00:00Z\" (or {{\"seconds\": N}}), not {value.ToJsonString()}");
    }

    private static string Snake(string name) => Json.KfpBody.SnakeCase(name);

    private static Sharpflow.Api.Errors.ResourceException Invalid(string message) => KfpErrors.InvalidArgument(Parameter, message);
}
