namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// A cron expression as KFP reads it (robfig/cron): six fields with seconds (<c>0 0 9 ? * 2-6</c>) or the
/// usual five, and the <c>@hourly</c>-style macros; times in UTC.
/// </summary>
public sealed record CronSchedule
{
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? Cron { get; init; }
}
