using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sharpflow.Api.Resources;

/// <summary>
/// A declared object in the Kubernetes shape. Spec and status stay as JSON so that every
/// registered kind flows through the store and the API unchanged; typed views come from
/// <see cref="ResourceExtensions.GetSpec{T}"/> and <see cref="ResourceExtensions.GetStatus{T}"/>.
/// </summary>
public sealed record Resource
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public ObjectMeta Metadata { get; init; } = new();

    public JsonObject? Spec { get; init; }

    public JsonObject? Status { get; init; }

    /// <summary>Top-level fields other than the four above (ConfigMap's data, say), kept so nothing a user sent is lost.</summary>
    /// <remarks>Settable because System.Text.Json cannot fill extension data through an init accessor.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public string Group => ApiVersions.Group(ApiVersion);

    [JsonIgnore]
    public string Version => ApiVersions.Version(ApiVersion);
}
