using System.Globalization;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Runs;

/// <summary>Durations of runs and tasks: tenths of a second below ten seconds (most tasks are short), else as ages are.</summary>
internal static class RunDuration
{
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalSeconds: < 10 } => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
        _ => Age.Format(duration),
    };

    public static string Format(TimeSpan? duration) => duration is { } d ? Format(d) : "-";

    /// <summary>Elapsed time as a clock: 00:42, 12:05, 1:02:03.</summary>
    public static string Clock(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
