using System.Globalization;

namespace Sharpflow.Core.Pods;

/// <summary>
/// A Kubernetes resource quantity ("500m", "2", "1.5Gi", "1G", "1e3"): a decimal number with an optional
/// binary (Ki…Ei), decimal (n, u, m, k, M, G, T, P, E) or exponent (e3, E-2) suffix. There is no
/// quantity parser on NuGet outside the Kubernetes client, which Core must not depend on; this is the
/// grammar of k8s.io/apimachinery's resource.Quantity, without its canonical-form rewriting.
/// </summary>
public readonly record struct Quantity(decimal Value)
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [string.Empty] = 1m,
        ["n"] = 0.000_000_001m,
        ["u"] = 0.000_001m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1L << 10,
        ["Mi"] = 1L << 20,
        ["Gi"] = 1L << 30,
        ["Ti"] = 1L << 40,
        ["Pi"] = 1L << 50,
        ["Ei"] = 1L << 60,
    };

    public const string Format = "a number with an optional suffix: m (milli), k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent such as e3";

    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity) ? quantity : throw new FormatException($"\"{text}\" is not a quantity: expected {Format}.");

    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var end = text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        var point = false;
        for (; end < text.Length; end++)
        {
            if (char.IsAsciiDigit(text[end]))
            {
                digits++;
            }
            else if (text[end] == '.' && !point)
            {
                point = true;
            }
            else
            {
                break;
            }
        }

        if (digits == 0
            || !decimal.TryParse(text.AsSpan(0, end), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !TryMultiplier(text[end..], out var multiplier))
        {
            return false;
        }

        try
        {
            quantity = new Quantity(number * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The value in thousandths, rounded up as Kubernetes' MilliValue does (CPU: "500m" gives 500).</summary>
    public long ToMilliValue() => Math.Abs(Value) > long.MaxValue / 1000 ? Saturate(Value) : Saturate(decimal.Ceiling(Value * 1000m));

    /// <summary>The value rounded up to a whole number (memory in bytes, GPUs).</summary>
    public long ToInt64() => Saturate(decimal.Ceiling(Value));

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static bool TryMultiplier(string suffix, out decimal multiplier)
    {
        if (Suffixes.TryGetValue(suffix, out multiplier))
        {
            return true;
        }

        // "E" alone is exa; "E" or "e" followed by a signed integer is a power of ten.
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            && exponent is >= -28 and <= 28)
        {
            multiplier = 1m;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                multiplier = exponent > 0 ? multiplier * 10m : multiplier / 10m;
            }

            return true;
        }

        return false;
    }

    private static long Saturate(decimal value) =>
        value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;
}
