using System.Globalization;

namespace Sharpflow.Bench.Reporting;

/// <summary>Prints figures as a Markdown table: metric, measured value, target and whether it is met.</summary>
internal sealed class ResultTable
{
    private readonly List<(string Metric, string Value, string Target, string Verdict)> _rows = [];

    /// <summary>A figure where more is better (throughput).</summary>
    public void AtLeast(string metric, double value, string unit, double? target) =>
        _rows.Add((metric, Format(value, unit), target is null ? "—" : $"≥ {Format(target.Value, unit)}", target is null ? "" : value >= target ? "ok" : "MISSED"));

    /// <summary>A figure where less is better (latency).</summary>
    public void AtMost(string metric, double value, string unit, double? target) =>
        _rows.Add((metric, Format(value, unit), target is null ? "—" : $"≤ {Format(target.Value, unit)}", target is null ? "" : value <= target ? "ok" : "MISSED"));

    public bool AllMet => _rows.All(r => r.Verdict != "MISSED");

    public void Print(TextWriter writer)
    {
        writer.WriteLine("| metric | measured | target | |");
        writer.WriteLine("|---|---:|---:|---|");
        foreach (var row in _rows)
        {
            writer.WriteLine($"| {row.Metric} | {row.Value} | {row.Target} | {row.Verdict} |");
        }
    }

    private static string Format(double value, string unit) =>
        value >= 100 ? $"{value.ToString("N0", CultureInfo.InvariantCulture)} {unit}" : $"{value.ToString("0.00", CultureInfo.InvariantCulture)} {unit}";
}
