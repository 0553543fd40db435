using System.Globalization;

namespace Sharpflow.Dashboard.Model;

/// <summary>Ages as kubectl prints them: the largest unit, or two units when that reads better (e.g. "2d3h").</summary>
internal static class Ages
{
    public static string Format(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is null)
        {
            return "—";
        }

        var age = now - since.Value;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age switch
        {
            { TotalSeconds: < 60 } => $"{(int)age.TotalSeconds}s",
            { TotalMinutes: < 10 } => Two((int)age.TotalMinutes, "m", age.Seconds, "s"),
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m",
            { TotalHours: < 10 } => Two((int)age.TotalHours, "h", age.Minutes, "m"),
            { TotalDays: < 2 } => $"{(int)age.TotalHours}h",
            { TotalDays: < 8 } => Two((int)age.TotalDays, "d", age.Hours, "h"),
            { TotalDays: < 730 } => $"{(int)age.TotalDays}d",
            _ => $"{(int)(age.TotalDays / 365)}y",
        };
    }

    /// <summary>A full timestamp for tooltips, in UTC so every viewer reads the same value.</summary>
    public static string Exact(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Two(int major, string majorUnit, int minor, string minorUnit) =>
        minor == 0 ? $"{major}{majorUnit}" : $"{major}{majorUnit}{minor}{minorUnit}";
}
