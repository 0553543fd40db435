using System.Globalization;

namespace Sharpflow.Cli.Output;

/// <summary>Ages as kubectl prints them (its HumanDuration): 45s, 3m20s, 12m, 2h15m, 30h, 4d6h, 40d, 3y20d.</summary>
internal static class Age
{
    public static string Since(DateTimeOffset? time, TimeProvider clock) =>
        time is { } t ? Format(clock.GetUtcNow() - t) : "<unknown>";

    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(-1))
        {
            return "<invalid>";
        }

        var seconds = (long)Math.Max(0, duration.TotalSeconds);
        var minutes = seconds / 60;
        var hours = minutes / 60;
        var days = hours / 24;
        return seconds switch
        {
            < 60 * 2 => Invariant($"{seconds}s"),
            _ when minutes < 10 => seconds % 60 == 0 ? Invariant($"{minutes}m") : Invariant($"{minutes}m{seconds % 60}s"),
            _ when minutes < 60 * 3 => Invariant($"{minutes}m"),
            _ when hours < 8 => minutes % 60 == 0 ? Invariant($"{hours}h") : Invariant($"{hours}h{minutes % 60}m"),
            _ when hours < 48 => Invariant($"{hours}h"),
            _ when hours < 24 * 8 => hours % 24 == 0 ? Invariant($"{days}d") : Invariant($"{days}d{hours % 24}h"),
            _ when days < 365 * 2 => Invariant($"{days}d"),
            _ when days < 365 * 8 => days % 365 == 0 ? Invariant($"{days / 365}y") : Invariant($"{days / 365}y{days % 365}d"),
            _ => Invariant($"{days / 365}y"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
