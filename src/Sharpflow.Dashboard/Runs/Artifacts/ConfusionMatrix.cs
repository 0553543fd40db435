using System.Text.Json.Nodes;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>
/// A <c>system.ClassificationMetrics</c> confusion matrix, as the KFP SDK stores it in the artifact's metadata:
/// <c>confusionMatrix: {annotationSpecs: [{displayName}], rows: [{row: [counts]}]}</c> (actual by row, predicted by column).
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<double>> Rows)
{
    public double Max => Rows.SelectMany(r => r).DefaultIfEmpty(0).Max();

    /// <summary>How dark a cell is drawn, in [0, 1].</summary>
    public double Intensity(double value) => Max <= 0 ? 0 : value / Max;

    public static ConfusionMatrix? Read(JsonObject? metadata)
    {
        if (metadata?["confusionMatrix"] is not JsonObject matrix)
        {
            return null;
        }

        var labels = (matrix["annotationSpecs"] as JsonArray ?? [])
            .Select((spec, i) => JsonRead.Text(spec, "displayName") ?? $"class {i}")
            .ToList();
        var rows = (matrix["rows"] as JsonArray ?? [])
            .Select(row => (IReadOnlyList<double>)[.. (row?["row"] as JsonArray ?? []).Select(cell => JsonRead.Number(cell) ?? 0)])
            .ToList();
        if (labels.Count == 0 || rows.Count != labels.Count || rows.Any(r => r.Count != labels.Count))
        {
            return null;
        }

        return new ConfusionMatrix(labels, rows);
    }
}
