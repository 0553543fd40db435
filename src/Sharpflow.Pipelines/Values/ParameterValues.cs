using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Values;

/// <summary>
/// Parameter values as KFP's backend handles them (<c>google.protobuf.Value</c> held as JSON): their text
/// form, parsing text by declared type, and the type check applied to a task's resolved inputs.
/// </summary>
public static class ParameterValues
{
    /// <summary>
    /// The text a placeholder or output file holds: strings as-is, numbers in shortest decimal without an
    /// exponent (1.0 is "1"), booleans lower-case, lists and structs as compact JSON, null as "".
    /// </summary>
    public static string ToText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonObject or JsonArray => KfpJson.Compact(value),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => GoFloat.FormatFixed(KfpJson.ToDouble(v)),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => string.Empty,
        },
        _ => string.Empty,
    };

    /// <summary>
    /// Reads a value of a declared type from text (an output parameter file, a command-line parameter):
    /// STRING as-is; NUMBER_INTEGER, NUMBER_DOUBLE and BOOLEAN trimmed and parsed; LIST and STRUCT as JSON.
    /// </summary>
    /// <exception cref="FormatException">The text is not a value of that type.</exception>
    public static JsonNode? ParseText(string text, ParameterType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        switch (type)
        {
            case ParameterType.String or ParameterType.Unspecified:
                return JsonValue.Create(text);
            case ParameterType.NumberInteger:
                return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? JsonValue.Create(integer)
                    : throw new FormatException($"\"{Shorten(text)}\" is not an integer");
            case ParameterType.NumberDouble:
                return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
                    ? JsonValue.Create(real)
                    : throw new FormatException($"\"{Shorten(text)}\" is not a number");
            case ParameterType.Boolean:
                return trimmed switch
                {
                    "1" or "t" or "T" or "true" or "TRUE" or "True" => JsonValue.Create(true),
                    "0" or "f" or "F" or "false" or "FALSE" or "False" => JsonValue.Create(false),
                    _ => throw new FormatException($"\"{Shorten(text)}\" is not a boolean (true or false)"),
                };
            default:
                JsonNode? parsed;
                try
                {
                    parsed = JsonNode.Parse(trimmed);
                }
                catch (JsonException e)
                {
                    throw new FormatException($"\"{Shorten(text)}\" is not valid JSON: {e.Message}", e);
                }

                var error = TypeMismatch(parsed, type);
                return error is null ? parsed : throw new FormatException(error);
        }
    }

    /// <summary>Null when <paramref name="value"/> fits <paramref name="type"/>; otherwise what is wrong. STRING accepts anything.</summary>
    public static string? TypeMismatch(JsonNode? value, ParameterType type)
    {
        var kind = KindOf(value);
        var fits = type switch
        {
            ParameterType.String or ParameterType.Unspecified => true,
            ParameterType.NumberDouble or ParameterType.NumberInteger => kind == "number",
            ParameterType.Boolean => kind == "bool",
            ParameterType.List => kind == "list",
            ParameterType.Struct or ParameterType.TaskFinalStatus or ParameterType.TaskConfig => kind == "struct",
            _ => true,
        };
        return fits ? null : $"expects {type.ProtoName()}, got {kind}";
    }

    /// <summary>
    /// The value a task receives for an input of <paramref name="type"/>: non-strings become their text for
    /// a STRING input; any other mismatch, or null, is an error (as KFP's driver does).
    /// </summary>
    public static bool TryNormalize(JsonNode? value, ParameterType type, out JsonNode? normalized, out string? error)
    {
        normalized = value;
        error = null;
        if (value is null)
        {
            error = "got null";
            return false;
        }

        if (type == ParameterType.String)
        {
            normalized = KindOf(value) == "string" ? value : JsonValue.Create(ToText(value));
            return true;
        }

        error = TypeMismatch(value, type);
        return error is null;
    }

    /// <summary>"string", "number", "bool", "list", "struct" or "null".</summary>
    public static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "struct",
        JsonArray => "list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "null",
        },
        _ => "null",
    };

    /// <summary>The proto enum name: <c>NUMBER_INTEGER</c>.</summary>
    public static string ProtoName(this ParameterType type) => type switch
    {
        ParameterType.NumberDouble => "NUMBER_DOUBLE",
        ParameterType.NumberInteger => "NUMBER_INTEGER",
        ParameterType.String => "STRING",
        ParameterType.Boolean => "BOOLEAN",
        ParameterType.List => "LIST",
        ParameterType.Struct => "STRUCT",
        ParameterType.TaskFinalStatus => "TASK_FINAL_STATUS",
        ParameterType.TaskConfig => "TASK_CONFIG",
        _ => "PARAMETER_TYPE_ENUM_UNSPECIFIED",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
