using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>The scikit-learn metrics components of metrics_visualization_v2.yaml.</summary>
public sealed class ExecutorMainMetricsTests : IDisposable
{
    private readonly ComponentWorkspace workspace = new();

    [SklearnFact]
    public async Task Main_DigitClassification_LogsAccuracyMetric()
    {
        workspace.OutputArtifact("metrics", "system.Metrics");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("metrics_visualization_v2.yaml", "exec-digit-classification"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var accuracy = workspace.OutputArtifactMetadata("metrics")["accuracy"]!.GetValue<double>();
        Assert.InRange(accuracy, 50, 100);
    }

    [SklearnFact]
    public async Task Main_WineClassification_LogsRocCurve()
    {
        workspace.OutputArtifact("metrics", "system.ClassificationMetrics");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("metrics_visualization_v2.yaml", "exec-wine-classification"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var points = workspace.OutputArtifactMetadata("metrics")["confidenceMetrics"]!.AsArray();
        Assert.True(points.Count > 2);
        Assert.All(points, point =>
        {
            Assert.InRange(point!["recall"]!.GetValue<double>(), 0, 1);
            Assert.InRange(point["falsePositiveRate"]!.GetValue<double>(), 0, 1);
            Assert.NotNull(point["confidenceThreshold"]);
        });
    }

    [SklearnFact]
    public async Task Main_IrisSgdClassifier_LogsConfusionMatrix()
    {
        workspace.Parameter("test_samples_fraction", 0.3).OutputArtifact("metrics", "system.ClassificationMetrics");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("metrics_visualization_v2.yaml", "exec-iris-sgdclassifier"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var matrix = workspace.OutputArtifactMetadata("metrics")["confusionMatrix"]!;
        Assert.Equal(
            ["Setosa", "Versicolour", "Virginica"],
            matrix["annotationSpecs"]!.AsArray().Select(spec => spec!["displayName"]!.GetValue<string>()));
        var rows = matrix["rows"]!.AsArray().Select(row => row!["row"]!.AsArray().Select(cell => cell!.GetValue<int>()).ToArray()).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, row => Assert.Equal(3, row.Length));
        Assert.Equal(105, rows.Sum(row => row.Sum()));
    }

    public void Dispose() => workspace.Dispose();
}
