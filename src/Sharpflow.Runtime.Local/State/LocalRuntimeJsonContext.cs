using System.Text.Json.Serialization;

namespace Sharpflow.Runtime.Local.State;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(WorkloadState))]
internal sealed partial class LocalRuntimeJsonContext : JsonSerializerContext;
