using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Resources;

/// <summary>Every <see cref="IntervalSecond"/> seconds from the start time (or from when the recurring run was created).</summary>
public sealed record PeriodicSchedule
{
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>KFP sends int64 as a JSON string; both forms are read.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long IntervalSecond { get; init; }
}
