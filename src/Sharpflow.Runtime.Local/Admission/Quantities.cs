using System.Globalization;

namespace Sharpflow.Runtime.Local.Admission;

/// <summary>Formats resource amounts the way Kubernetes writes them: "1500m", "512Mi", "2Gi".</summary>
internal static class Quantities
{
    private static readonly string[] BinarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi"];

    public static string Cpu(long millis) => string.Create(CultureInfo.InvariantCulture, $"{millis}m");

    public static string Memory(long bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes}");
        }

        double value = bytes;
        var suffix = -1;
        while (value >= 1024 && suffix < BinarySuffixes.Length - 1)
        {
            value /= 1024;
            suffix++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value, 1)}{BinarySuffixes[suffix]}");
    }
}
