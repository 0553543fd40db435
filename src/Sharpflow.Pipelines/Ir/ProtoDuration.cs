using System.Globalization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>The JSON form of <c>google.protobuf.Duration</c>: seconds with up to nine fractional digits and an "s" suffix.</summary>
public static class ProtoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !text.EndsWith('s'))
        {
            return false;
        }

        if (!decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(seconds) > (decimal)TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    public static TimeSpan ParseOrZero(string? text) => TryParse(text, out var duration) ? duration : TimeSpan.Zero;
}
