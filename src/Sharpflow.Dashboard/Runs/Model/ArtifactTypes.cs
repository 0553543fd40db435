namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>The KFP artifact types the dashboard previews.</summary>
internal static class ArtifactTypes
{
    public const string Artifact = "system.Artifact";
    public const string Metrics = "system.Metrics";
    public const string ClassificationMetrics = "system.ClassificationMetrics";
    public const string SlicedClassificationMetrics = "system.SlicedClassificationMetrics";
    public const string Html = "system.HTML";
    public const string Markdown = "system.Markdown";

    /// <summary>"system.Metrics" reads as "Metrics".</summary>
    public static string Short(string schemaTitle) =>
        schemaTitle.StartsWith("system.", StringComparison.Ordinal) ? schemaTitle["system.".Length..] : schemaTitle;
}
