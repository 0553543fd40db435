using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>Protobuf JSON conventions for the IR: camelCase names, enums by name (or number), int64 as strings allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PipelineSpec))]
[JsonSerializable(typeof(ComponentSpec))]
[JsonSerializable(typeof(PipelineTaskSpec))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
