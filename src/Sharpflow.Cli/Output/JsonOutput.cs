using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Cli.Output;

/// <summary>Indented JSON with the API's conventions, without escaping characters a terminal shows fine.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(ApiJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);
}
