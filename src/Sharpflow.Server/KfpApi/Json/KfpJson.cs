using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sharpflow.Server.KfpApi.Json;

/// <summary>
/// Writes KFP's JSON as grpc-gateway does with <c>UseProtoNames</c> and without <c>EmitUnpopulated</c>: snake_case
/// names, enums and int64 as strings, RFC 3339 timestamps, and no field that holds its default value.
/// </summary>
internal static class KfpJson
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Result(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(WriteOptions), "application/json", Encoding.UTF8, statusCode);

    /// <summary>The answer of the methods that return <c>google.protobuf.Empty</c>.</summary>
    public static IResult Empty() => Result(new JsonObject());

    public static void Put(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }

    public static void Put(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null && !(value is JsonObject { Count: 0 } or JsonArray { Count: 0 }))
        {
            target[name] = value;
        }
    }

    public static void Put(JsonObject target, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            target[name] = Timestamp(time);
        }
    }

    public static void Put(JsonObject target, string name, bool value)
    {
        if (value)
        {
            target[name] = true;
        }
    }

    /// <summary>An int64 field: a JSON string, omitted when zero.</summary>
    public static void PutInt64(JsonObject target, string name, long value)
    {
        if (value != 0)
        {
            target[name] = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A list response: the items under their name, then total_size and next_page_token when set.</summary>
    public static JsonObject List(string itemsName, IEnumerable<JsonNode> items, int totalSize, string? nextPageToken)
    {
        var body = new JsonObject();
        Put(body, itemsName, new JsonArray([.. items]));
        if (totalSize != 0)
        {
            body["total_size"] = totalSize;
        }

        Put(body, "next_page_token", nextPageToken);
        return body;
    }

    /// <summary>RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as protobuf's JSON mapping writes a Timestamp.</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        var format = ticks == 0 ? "yyyy-MM-dd'T'HH:mm:ss"
            : ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff"
            : ticks % 10 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff"
            : "yyyy-MM-dd'T'HH:mm:ss.fffffff'00'";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>A string property of a stored JSON object, or null.</summary>
    public static string? String(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static JsonObject? Object(JsonNode? node, string name) => node is JsonObject obj ? obj[name] as JsonObject : null;

    /// <summary>A whole number held as a JSON number (of any CLR width) or a numeric string, or null.</summary>
    public static long? Int64(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
            value.TryGetValue<long>(out var number) ? number
            : value.TryGetValue<int>(out var small) ? small
            : long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
