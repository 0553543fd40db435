using System.Globalization;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>Durations as a person reads them: "850ms", "4.2s", "3m 12s", "2h 5m".</summary>
internal static class Durations
{
    public static string Format(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "—";
        }

        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }

        return d switch
        {
            { TotalSeconds: < 1 } => $"{(int)d.TotalMilliseconds}ms",
            { TotalSeconds: < 10 } => d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
            { TotalMinutes: < 1 } => $"{(int)d.TotalSeconds}s",
            { TotalHours: < 1 } => $"{(int)d.TotalMinutes}m {d.Seconds}s",
            { TotalDays: < 1 } => $"{(int)d.TotalHours}h {d.Minutes}m",
            _ => $"{(int)d.TotalDays}d {d.Hours}h",
        };
    }
}
