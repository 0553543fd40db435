using Cronos;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Scheduling;

/// <summary>
/// The time slots of a recurring run's trigger, as KFP's scheduled-workflow controller computes them: a cron
/// slot is the next occurrence after the reference time; a periodic slot is the reference plus the interval;
/// the reference is the last scheduled slot, else the start time, else the creation time. Slots after the end
/// time do not exist.
/// </summary>
internal sealed class RecurringSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeSpan _interval;
    private readonly DateTimeOffset? _start;
    private readonly DateTimeOffset? _end;

    private RecurringSchedule(CronExpression? cron, TimeSpan interval, DateTimeOffset? start, DateTimeOffset? end)
    {
        _cron = cron;
        _interval = interval;
        _start = start;
        _end = end;
    }

    /// <summary>Null with <paramref name="problem"/> set (a field path and what is wrong) when the trigger is unusable.</summary>
    public static RecurringSchedule? TryCreate(RecurringRunTrigger? trigger, out (string Field, string Message)? problem)
    {
        problem = null;
        switch (trigger)
        {
            case { CronSchedule: { } cron, PeriodicSchedule: null }:
                if (string.IsNullOrWhiteSpace(cron.Cron))
                {
                    problem = ("spec.trigger.cronSchedule.cron", "Required value: a cron expression such as \"0 0 9 ? * 2-6\"");
                    return null;
                }

                var text = cron.Cron.Trim();
                var format = text.StartsWith('@') || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6
                    ? CronFormat.Standard
                    : CronFormat.IncludeSeconds;
                if (!CronExpression.TryParse(text, format, out var expression))
                {
                    problem = ("spec.trigger.cronSchedule.cron", $"\"{text}\" is not a cron expression: use six fields with seconds (\"0 0 9 ? * 2-6\"), five fields, or a macro such as @hourly");
                    return null;
                }

                return new RecurringSchedule(expression, TimeSpan.Zero, cron.StartTime, cron.EndTime);
            case { PeriodicSchedule: { } periodic, CronSchedule: null }:
                if (periodic.IntervalSecond <= 0)
                {
                    problem = ("spec.trigger.periodicSchedule.intervalSecond", $"{periodic.IntervalSecond}: must be greater than 0");
                    return null;
                }

                return new RecurringSchedule(null, TimeSpan.FromSeconds(periodic.IntervalSecond), periodic.StartTime, periodic.EndTime);
            case { CronSchedule: not null, PeriodicSchedule: not null }:
                problem = ("spec.trigger", "set either cronSchedule or periodicSchedule, not both");
                return null;
            default:
                problem = ("spec.trigger", "Required value: a cronSchedule or a periodicSchedule");
                return null;
        }
    }

    /// <summary>The first slot after <paramref name="last"/> (or after the start, or <paramref name="created"/>); null when past the end.</summary>
    public DateTimeOffset? Next(DateTimeOffset? last, DateTimeOffset created)
    {
        var reference = last ?? _start ?? created;
        if (_start is { } start && reference < start)
        {
            reference = start;
        }

        var next = _cron is null
            ? reference + _interval
            : _cron.GetNextOccurrence(reference, TimeZoneInfo.Utc);
        return next is { } slot && (_end is null || slot <= _end) ? slot : null;
    }

    /// <summary>The latest slot at or before <paramref name="now"/> after <paramref name="last"/>, or null when none is due.</summary>
    public DateTimeOffset? LatestDue(DateTimeOffset? last, DateTimeOffset created, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        for (var next = Next(last, created); next is { } slot && slot <= now; next = Next(slot, created))
        {
            latest = slot;
            if (_cron is null)
            {
                // Periodic slots are evenly spaced: jump to the last one that is due instead of stepping through them.
                var steps = (long)((now - slot) / _interval);
                latest = slot + (_interval * steps);
                if (_end is { } end && latest > end)
                {
                    latest = slot + (_interval * (long)((end - slot) / _interval));
                }

                break;
            }
        }

        return latest;
    }
}
