using System.Text.Json.Serialization;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(ResourceList))]
[JsonSerializable(typeof(WatchEvent))]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(List<Condition>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
