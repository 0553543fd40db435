using System.Text.Json.Serialization;

namespace Sharpflow.Core.Pods;

/// <summary>Requests and limits by resource name ("cpu", "memory", "nvidia.com/gpu"), as quantities.</summary>
public sealed record ResourceRequirements
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string NvidiaGpu = "nvidia.com/gpu";

    [JsonConverter(typeof(QuantityMapJsonConverter))]
    public IReadOnlyDictionary<string, string>? Requests { get; init; }

    [JsonConverter(typeof(QuantityMapJsonConverter))]
    public IReadOnlyDictionary<string, string>? Limits { get; init; }
}
