using System.Text.Json.Serialization;

namespace Sharpflow.Api.Resources;

[JsonConverter(typeof(JsonStringEnumConverter<WatchEventType>))]
public enum WatchEventType
{
    [JsonStringEnumMemberName("ADDED")]
    Added,

    [JsonStringEnumMemberName("MODIFIED")]
    Modified,

    [JsonStringEnumMemberName("DELETED")]
    Deleted,

    /// <summary>A marker sent on long-lived watches so clients learn the current resource version.</summary>
    [JsonStringEnumMemberName("BOOKMARK")]
    Bookmark,
}
