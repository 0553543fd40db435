using System.Text.Json.Nodes;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>
/// The ROC curve of a <c>system.ClassificationMetrics</c> artifact, from its metadata's
/// <c>confidenceMetrics: [{confidenceThreshold, falsePositiveRate, recall}]</c>, ordered along the curve.
/// </summary>
internal static class RocCurve
{
    public static IReadOnlyList<RocPoint> Read(JsonObject? metadata) =>
        [.. (metadata?["confidenceMetrics"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(point => (Threshold: JsonRead.Number(point["confidenceThreshold"]), Fpr: JsonRead.Number(point["falsePositiveRate"]), Recall: JsonRead.Number(point["recall"])))
            .Where(point => point.Fpr is not null && point.Recall is not null)
            .Select(point => new RocPoint(point.Threshold ?? 0, point.Fpr!.Value, point.Recall!.Value))
            .OrderBy(point => point.FalsePositiveRate)
            .ThenBy(point => point.Recall)];
}
