using System.Text;
using System.Text.Json.Nodes;
using Sharpflow.Dashboard.Runs.Artifacts;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.E2E.Tests.Runs;

public sealed class ArtifactPreviewTests
{
    [Fact]
    public void Parse_TaskOutputs_ReadsParametersAndEveryArtifactOfAList()
    {
        var io = TaskIo.Parse("""
            {"parameters": {"Output": "hello", "n": 3},
             "artifacts": {"metrics": [{"name": "metrics", "uri": "/m", "type": {"schemaTitle": "system.Metrics"}, "metadata": {"accuracy": 0.9}}],
                           "parts": [{"uri": "/p/0"}, {"uri": "/p/1"}]}}
            """);

        Assert.Equal([new NamedValue("Output", "hello"), new NamedValue("n", "3")], io.Parameters);
        Assert.Equal(["metrics", "parts", "parts"], io.Artifacts.Select(a => a.Key));
        Assert.Equal(ArtifactTypes.Metrics, io.Artifacts[0].SchemaTitle);
        Assert.Equal(ArtifactTypes.Artifact, io.Artifacts[1].SchemaTitle);
    }

    [Fact]
    public void Parse_Malformed_IsEmpty()
    {
        Assert.True(TaskIo.Parse("{not json").IsEmpty);
        Assert.True(TaskIo.Parse(null).IsEmpty);
    }

    [Fact]
    public void ScalarMetrics_Metadata_KeepsNumbersOnly()
    {
        var metrics = ScalarMetrics.Read(JsonNode.Parse("""{"accuracy": 0.92, "loss": "0.31", "display_name": "m", "notes": "n/a", "epochs": 12}""")!.AsObject());

        Assert.Equal([new ScalarMetric("accuracy", 0.92), new ScalarMetric("loss", 0.31), new ScalarMetric("epochs", 12)], metrics);
        Assert.Equal(1, ScalarMetrics.Scale(metrics[2], metrics));
    }

    [Fact]
    public void ConfusionMatrix_KfpMetadata_ReadsLabelsAndRows()
    {
        var matrix = ConfusionMatrix.Read(JsonNode.Parse("""
            {"confusionMatrix": {"annotationSpecs": [{"displayName": "cat"}, {"displayName": "dog"}],
                                 "rows": [{"row": [8, 2]}, {"row": [1, 9]}]}}
            """)!.AsObject())!;

        Assert.Equal(["cat", "dog"], matrix.Labels);
        Assert.Equal(9, matrix.Max);
        Assert.Equal(2 / 9.0, matrix.Intensity(matrix.Rows[0][1]));
    }

    [Fact]
    public void ConfusionMatrix_RowsNotSquare_IsNull()
    {
        Assert.Null(ConfusionMatrix.Read(JsonNode.Parse("""{"confusionMatrix": {"annotationSpecs": [{"displayName": "a"}], "rows": [{"row": [1, 2]}]}}""")!.AsObject()));
    }

    [Fact]
    public void RocCurve_ConfidenceMetrics_OrderedAlongTheCurve()
    {
        var points = RocCurve.Read(JsonNode.Parse("""
            {"confidenceMetrics": [{"confidenceThreshold": 0.2, "falsePositiveRate": 0.6, "recall": 1},
                                   {"confidenceThreshold": 0.8, "falsePositiveRate": 0.1, "recall": 0.7},
                                   {"confidenceThreshold": 0.5}]}
            """)!.AsObject());

        Assert.Equal([0.1, 0.6], points.Select(p => p.FalsePositiveRate));
    }

    [Fact]
    public void ToHtml_RawHtmlAndScriptLinks_AreNeutralised()
    {
        var html = MarkdownRenderer.ToHtml("# Report\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [ok](https://example.org) | a |\n");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LongText_IsCutAtTheLimitWithoutSplittingACharacter()
    {
        var bytes = Encoding.UTF8.GetBytes("ab€cd");

        var text = await ArtifactText.ReadAsync(new MemoryStream(bytes), 3, CancellationToken.None);

        Assert.Equal("ab", text.Text);
        Assert.True(text.Truncated);
    }

    [Fact]
    public void TryRead_DirectoryListing_ReadsFilesAndSizes()
    {
        var files = ArtifactListing.TryRead("""[{"path": "model/weights.bin", "size": 2048}, {"path": "README.md", "size": 12}]""");

        Assert.Equal([new ArtifactFile("model/weights.bin", 2048), new ArtifactFile("README.md", 12)], files);
    }

    [Theory]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("""[{"path": "a", "size": 1, "extra": true}]""")]
    [InlineData("""plain text""")]
    [InlineData("""[not json""")]
    public void TryRead_OtherContent_IsNotAListing(string text)
    {
        Assert.Null(ArtifactListing.TryRead(text));
    }

    [Fact]
    public async Task ReadAsync_NulBytes_IsBinary()
    {
        var text = await ArtifactText.ReadAsync(new MemoryStream([1, 0, 2]), 100, CancellationToken.None);

        Assert.True(text.IsBinary);
        Assert.False(text.Truncated);
    }
}
