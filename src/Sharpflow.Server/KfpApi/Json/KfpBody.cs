using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Server.Http;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Json;

/// <summary>
/// Reads KFP request bodies: proto field names (snake_case, as the generated clients send them) or their JSON
/// names (camelCase), null meaning absent; a value of the wrong type is a 400 naming the field.
/// </summary>
internal static class KfpBody
{
    public static Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        BodyReader.ReadObjectAsync(request, cancellationToken);

    /// <summary>The value under the proto name or its camelCase JSON name; null when absent or null.</summary>
    public static JsonNode? Field(JsonObject? body, string protoName)
    {
        if (body is null)
        {
            return null;
        }

        if (body.TryGetPropertyValue(protoName, out var value) && value is not null)
        {
            return value;
        }

        var camel = CamelCase(protoName);
        return camel != protoName && body.TryGetPropertyValue(camel, out var camelValue) ? camelValue : null;
    }

    public static string? String(JsonObject? body, string protoName, string path)
    {
        var node = Field(body, protoName);
        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw KfpErrors.InvalidArgument(Join(path, protoName), $"must be a string, not {node.ToJsonString()}"),
        };
    }

    public static JsonObject? Object(JsonObject? body, string protoName, string path)
    {
        var node = Field(body, protoName);
        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw KfpErrors.InvalidArgument(Join(path, protoName), $"must be an object, not {node.ToJsonString()}"),
        };
    }

    public static bool? Bool(JsonObject? body, string protoName, string path)
    {
        var node = Field(body, protoName);
        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => throw KfpErrors.InvalidArgument(Join(path, protoName), $"must be true or false, not {node.ToJsonString()}"),
        };
    }

    /// <summary>An int64 field: a JSON string (proto3 JSON) or a number.</summary>
    public static long? Int64(JsonObject? body, string protoName, string path)
    {
        var node = Field(body, protoName);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
            {
                return number;
            }

            if (value.GetValueKind() == JsonValueKind.String
                && long.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw KfpErrors.InvalidArgument(Join(path, protoName), $"must be a whole number (int64, as a number or a string), not {node.ToJsonString()}");
    }

    /// <summary>A <c>google.protobuf.Timestamp</c>: an RFC 3339 string.</summary>
    public static DateTimeOffset? Timestamp(JsonObject? body, string protoName, string path)
    {
        var text = String(body, protoName, path);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw KfpErrors.InvalidArgument(Join(path, protoName), $"\"{text}\" is not an RFC 3339 timestamp such as 2024-01-31T09:00:00Z");
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>"pipeline_version_id" → "pipelineVersionId".</summary>
    public static string CamelCase(string protoName)
    {
        if (!protoName.Contains('_', StringComparison.Ordinal))
        {
            return protoName;
        }

        var parts = protoName.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>"pipelineVersionId" → "pipeline_version_id"; snake_case stays as it is.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                if (builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
