namespace Sharpflow.Pipelines.Resources;

/// <summary>Exactly one of a cron schedule or a periodic one.</summary>
public sealed record RecurringRunTrigger
{
    public CronSchedule? CronSchedule { get; init; }

    public PeriodicSchedule? PeriodicSchedule { get; init; }
}
