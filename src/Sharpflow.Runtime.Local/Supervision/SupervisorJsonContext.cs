using System.Text.Json.Serialization;

namespace Sharpflow.Runtime.Local.Supervision;

/// <summary>The supervisor's line protocol: one compact JSON object per line each way.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SpawnRequest))]
[JsonSerializable(typeof(SupervisorReport))]
internal sealed partial class SupervisorJsonContext : JsonSerializerContext;
