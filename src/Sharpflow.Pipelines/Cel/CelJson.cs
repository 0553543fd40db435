using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Cel;

/// <summary>
/// Between JSON and CEL values with <c>google.protobuf.Value</c> semantics: every JSON number is a CEL
/// <c>double</c>, objects are maps with string keys.
/// </summary>
internal static class CelJson
{
    public static CelValue FromJson(JsonNode? node) => node switch
    {
        null => CelValue.Null,
        JsonObject obj => CelValue.Of(obj.Select(p => new KeyValuePair<string, CelValue>(p.Key, FromJson(p.Value)))),
        JsonArray array => CelValue.Of(array.Select(FromJson).ToList()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => CelValue.Of(value.GetValue<string>()),
            JsonValueKind.Number => CelValue.Of(KfpJson.ToDouble(value)),
            JsonValueKind.True => CelValue.True,
            JsonValueKind.False => CelValue.False,
            _ => CelValue.Null,
        },
        _ => CelValue.Null,
    };

    public static JsonNode? ToJson(CelValue value) => value.Kind switch
    {
        CelKind.Null => null,
        CelKind.Bool => JsonValue.Create(value.AsBool),
        CelKind.Int => JsonValue.Create(value.AsInt),
        CelKind.Double when !double.IsFinite(value.AsDouble) =>
            throw new CelException($"the result {value} has no JSON representation", -1),
        CelKind.Double => JsonValue.Create(value.AsDouble),
        CelKind.String => JsonValue.Create(value.AsString),
        CelKind.List => new JsonArray([.. value.AsList.Select(ToJson)]),
        _ => new JsonObject(value.AsMap.Select(e => new KeyValuePair<string, JsonNode?>(KeyText(e.Key), ToJson(e.Value)))),
    };

    public static CelValue Parse(string text, int position)
    {
        try
        {
            return FromJson(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw new CelException($"failed to unmarshal JSON: {e.Message}", position);
        }
    }

    private static string KeyText(CelValue key) => key.Kind switch
    {
        CelKind.String => key.AsString,
        CelKind.Int => key.AsInt.ToString(CultureInfo.InvariantCulture),
        CelKind.Bool => key.AsBool ? "true" : "false",
        _ => throw new CelException($"a map key of type {key.TypeName} has no JSON representation", -1),
    };
}
