using System.Text.Json.Nodes;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>The scalars of a <c>system.Metrics</c> artifact: its metadata's numeric entries (<c>{name: number}</c>).</summary>
internal static class ScalarMetrics
{
    /// <summary>Metadata the SDK adds beside the metrics, which are not metrics themselves.</summary>
    private static readonly HashSet<string> NotMetrics = new(StringComparer.Ordinal) { "display_name", "displayName" };

    public static IReadOnlyList<ScalarMetric> Read(JsonObject? metadata) =>
        [.. (metadata ?? [])
            .Where(entry => !NotMetrics.Contains(entry.Key))
            .Select(entry => (entry.Key, Value: JsonRead.Number(entry.Value)))
            .Where(entry => entry.Value is { } v && double.IsFinite(v))
            .Select(entry => new ScalarMetric(entry.Key, entry.Value!.Value))];

    /// <summary>Each metric's bar length in [0, 1] relative to the largest magnitude, for the bar chart.</summary>
    public static double Scale(ScalarMetric metric, IReadOnlyList<ScalarMetric> all)
    {
        var largest = all.Count == 0 ? 0 : all.Max(m => Math.Abs(m.Value));
        return largest == 0 ? 0 : Math.Abs(metric.Value) / largest;
    }
}
