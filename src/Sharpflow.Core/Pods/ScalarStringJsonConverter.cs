using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sharpflow.Core.Pods;

/// <summary>
/// Reads a string, number or boolean as its text. YAML turns <c>cpu: 2</c> and <c>value: 8080</c> into
/// JSON numbers, while quantities and environment values are strings in the Kubernetes schema.
/// </summary>
internal sealed class ScalarStringJsonConverter : JsonConverter<string>
{
    public static string ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException("expected a string or a number"),
    };

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadScalar(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
