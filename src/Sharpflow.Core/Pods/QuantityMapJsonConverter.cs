using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sharpflow.Core.Pods;

/// <summary>Reads a resource map ({"cpu": 2, "memory": "1Gi"}) keeping each quantity as the text the user wrote.</summary>
internal sealed class QuantityMapJsonConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected a map of resource names to quantities");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = ScalarStringJsonConverter.ReadScalar(ref reader);
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, quantity) in value)
        {
            writer.WriteString(name, quantity);
        }

        writer.WriteEndObject();
    }
}
