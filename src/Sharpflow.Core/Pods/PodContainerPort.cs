using System.Text.Json.Serialization;

namespace Sharpflow.Core.Pods;

/// <summary>A port the container listens on; locally a free host port is allocated and reported in status.ports.</summary>
public sealed record PodContainerPort
{
    public string? Name { get; init; }

    public int ContainerPort { get; init; }

    public string? Protocol { get; init; }

    /// <summary>The key of this port in status.ports: its name, or its number when unnamed.</summary>
    [JsonIgnore]
    public string Key => string.IsNullOrEmpty(Name) ? ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : Name;
}
