using System.Globalization;
using System.Text;

namespace Sharpflow.Pipelines.Values;

/// <summary>
/// Go's shortest round-trip float formatting, which KFP's backend uses for parameter text
/// (<c>strconv.FormatFloat(v, 'f', -1, 64)</c>), JSON (<c>encoding/json</c>) and CEL's <c>string(double)</c> (<c>%g</c>).
/// </summary>
internal static class GoFloat
{
    /// <summary><c>'f', -1</c>: no exponent, so 1.0 is "1", 1e21 is "1000000000000000000000" and 1e-7 is "0.0000001".</summary>
    public static string FormatFixed(double value) =>
        Special(value) ?? Fixed(Digits(value));

    /// <summary><c>'g', -1</c>: an exponent when it is below −4 or at least 6 ("1e+06", "1.5e-05").</summary>
    public static string FormatGeneral(double value)
    {
        if (Special(value) is { } special)
        {
            return special;
        }

        var digits = Digits(value);
        var exponent = digits.Point - 1;
        return digits.Mantissa.Length > 0 && (exponent < -4 || exponent >= 6) ? Exponential(digits, cleanExponent: false) : Fixed(digits);
    }

    /// <summary>encoding/json: fixed, except an exponent below 1e-6 and from 1e21 ("1e-7", "1e+21").</summary>
    public static string FormatJson(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity");
        }

        var abs = Math.Abs(value);
        var digits = Digits(value);
        return abs != 0 && (abs < 1e-6 || abs >= 1e21) ? Exponential(digits, cleanExponent: true) : Fixed(digits);
    }

    private static string? Special(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : null;

    /// <summary>The shortest round-trip decimal digits (no leading or trailing zeros) and the decimal point position.</summary>
    private static (bool Negative, string Mantissa, int Point) Digits(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var point = dot < 0 ? text.Length : dot;
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        var leading = 0;
        while (leading < digits.Length && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        return (double.IsNegative(value), digits, digits.Length == 0 ? 1 : point - leading + exponent);
    }

    private static string Fixed((bool Negative, string Mantissa, int Point) d)
    {
        var builder = new StringBuilder();
        if (d.Negative)
        {
            builder.Append('-');
        }

        if (d.Mantissa.Length == 0)
        {
            return builder.Append('0').ToString();
        }

        if (d.Point <= 0)
        {
            builder.Append("0.").Append('0', -d.Point).Append(d.Mantissa);
        }
        else if (d.Point >= d.Mantissa.Length)
        {
            builder.Append(d.Mantissa).Append('0', d.Point - d.Mantissa.Length);
        }
        else
        {
            builder.Append(d.Mantissa, 0, d.Point).Append('.').Append(d.Mantissa, d.Point, d.Mantissa.Length - d.Point);
        }

        return builder.ToString();
    }

    private static string Exponential((bool Negative, string Mantissa, int Point) d, bool cleanExponent)
    {
        var builder = new StringBuilder();
        if (d.Negative)
        {
            builder.Append('-');
        }

        builder.Append(d.Mantissa[0]);
        if (d.Mantissa.Length > 1)
        {
            builder.Append('.').Append(d.Mantissa, 1, d.Mantissa.Length - 1);
        }

        var exponent = d.Point - 1;
        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        if (magnitude.Length < 2 && !(cleanExponent && exponent < 0))
        {
            builder.Append('0');
        }

        return builder.Append(magnitude).ToString();
    }
}
