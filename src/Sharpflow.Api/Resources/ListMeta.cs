using System.Text.Json.Serialization;

namespace Sharpflow.Api.Resources;

public sealed record ListMeta
{
    /// <summary>The store's resource version at the time of the list: watch from here to miss nothing.</summary>
    public string? ResourceVersion { get; init; }

    [JsonPropertyName("continue")]
    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
