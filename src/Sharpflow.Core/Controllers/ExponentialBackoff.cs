namespace Sharpflow.Core.Controllers;

/// <summary>Delays that double per attempt from a base up to a cap: base, 2·base, 4·base, … max.</summary>
internal sealed record ExponentialBackoff(TimeSpan Base, TimeSpan Max)
{
    /// <summary>The delay after <paramref name="previousFailures"/> earlier failures (0 gives the base).</summary>
    public TimeSpan Delay(int previousFailures)
    {
        // Past 2^40 any sane base is above any sane cap; stop before the double overflows.
        if (previousFailures >= 40)
        {
            return Max;
        }

        var ticks = Base.Ticks * Math.Pow(2, previousFailures);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
