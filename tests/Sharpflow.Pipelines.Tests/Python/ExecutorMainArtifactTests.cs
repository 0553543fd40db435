using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Tests.Python;

/// <summary>Artifact components of the acceptance pipelines, run by Sharpflow's kfp runtime.</summary>
public sealed class ExecutorMainArtifactTests : IDisposable
{
    private readonly ComponentWorkspace workspace = new();

    [Fact]
    public async Task Main_HtmlVisualization_WritesFileUnderNewDirectories()
    {
        workspace.OutputArtifact("html_artifact", "system.HTML");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("metrics_visualization_v2.yaml", "exec-html-visualization"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<h1>Hello world</h1>", File.ReadAllText(workspace.OutputArtifactPath("html_artifact")), StringComparison.Ordinal);
        var artifact = workspace.ExecutorOutput()["artifacts"]!["html_artifact"]!["artifacts"]![0]!;
        Assert.Equal("html_artifact", artifact["name"]!.GetValue<string>());
        Assert.Equal(workspace.OutputArtifactPath("html_artifact"), artifact["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_MarkdownVisualization_WritesFile()
    {
        workspace.OutputArtifact("markdown_artifact", "system.Markdown");

        var result = await workspace.RunAsync(
            AcceptancePipelines.Executor("metrics_visualization_v2.yaml", "exec-markdown-visualization"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("## Hello world \n\n Markdown content", File.ReadAllText(workspace.OutputArtifactPath("markdown_artifact")));
    }

    [Fact]
    public async Task Main_ImporterTrain_ReadsDatasetAndWritesNamedTupleOutputs()
    {
        var dataset = Path.Combine(workspace.Root, "imported", "shakespeare1.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(dataset)!);
        File.WriteAllText(dataset, "to be or not to be");
        workspace.InputArtifact("dataset", "system.Dataset", "file://" + dataset, new JsonObject { ["key"] = "value" })
            .OutputParameter("scalar")
            .OutputArtifact("model", "system.Model");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("pipeline_with_importer.yaml", "exec-train"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Dataset: to be or not to be", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("123", workspace.ExecutorOutput()["parameterValues"]!["scalar"]!.GetValue<string>());
        Assert.Equal("123", File.ReadAllText(workspace.OutputParameterPath("scalar")));
        Assert.Equal("My model trained using data: to be or not to be", File.ReadAllText(workspace.OutputArtifactPath("model")));
    }

    [Fact]
    public async Task Main_MinioUrisWithConfiguredMounts_MapToLocalDirectory()
    {
        var mount = Path.Combine(workspace.Root, "minio") + "/";
        workspace.Environment["SHARPFLOW_ARTIFACT_MOUNTS"] = new JsonObject { ["minio://"] = mount }.ToJsonString();
        Directory.CreateDirectory(Path.Combine(mount, "mlpipeline", "in"));
        File.WriteAllText(Path.Combine(mount, "mlpipeline", "in", "dataset"), "rows");
        workspace.InputArtifact("dataset", "system.Dataset", "minio://mlpipeline/in/dataset")
            .OutputParameter("scalar")
            .OutputArtifact("model", "system.Model", "minio://mlpipeline/run/train/model");

        var result = await workspace.RunAsync(AcceptancePipelines.Executor("pipeline_with_importer.yaml", "exec-train"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("My model trained using data: rows", File.ReadAllText(Path.Combine(mount, "mlpipeline", "run", "train", "model")));
        Assert.Equal(
            "minio://mlpipeline/run/train/model",
            workspace.ExecutorOutput()["artifacts"]!["model"]!["artifacts"]![0]!["uri"]!.GetValue<string>());
    }

    public void Dispose() => workspace.Dispose();
}
