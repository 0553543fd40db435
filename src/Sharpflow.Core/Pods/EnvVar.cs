using System.Text.Json.Serialization;

namespace Sharpflow.Core.Pods;

/// <summary>An environment variable with a literal value (valueFrom is not supported locally).</summary>
public sealed record EnvVar
{
    public string? Name { get; init; }

    [JsonConverter(typeof(ScalarStringJsonConverter))]
    public string? Value { get; init; }
}
