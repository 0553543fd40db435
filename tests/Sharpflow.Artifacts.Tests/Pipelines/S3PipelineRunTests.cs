using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Artifacts.Tests.Support;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Artifacts.Tests.Pipelines;

/// <summary>
/// Acceptance pipelines, unmodified, on a server whose pipeline root is in (fake) S3: artifacts are uploaded from the
/// producing task's scratch folder after it succeeded and downloaded into the consuming task's before it starts.
/// </summary>
public sealed class S3PipelineRunTests(S3PipelineServerFixture fixture) : IClassFixture<S3PipelineServerFixture>
{
    private const string Bucket = S3PipelineServerFixture.Bucket;

    [Fact]
    public async Task Run_ShellArtifactPipelineOnMinioRoot_PassesTheArtifactThroughTheBucket()
    {
        var (run, status, tasks) = await fixture.RunAsync("two-step-on-minio", AcceptancePipelines.Read("critical/two_step_pipeline_containerized.yaml"), $"minio://{Bucket}/root");

        Assert.True(status.State == RunStates.Succeeded, Describe(status, tasks));
        var uri = OutputUri(tasks, "root/component1", "output_gcs");
        Assert.StartsWith($"minio://{Bucket}/root/containerized-two-step-pipeline/{run.Metadata.Uid}/component1/", uri, StringComparison.Ordinal);
        Assert.Equal("Hello KFP Containerized!\n", ObjectText(uri));
        Assert.Contains("Hello KFP Containerized!", await LogOfAsync(tasks, "root/component2"), StringComparison.Ordinal);
        Assert.False(File.Exists(MirrorPath(uri)), "the artifact went to the filesystem store's local mirror instead of S3");
        Assert.False(Directory.Exists(Path.GetDirectoryName(MirrorPath(uri))), "an empty folder for the artifact was made in the local mirror");

        await using var served = await fixture.Client.OpenRunArtifactAsync(S3PipelineServerFixture.Namespace, "two-step-on-minio", uri);
        using var reader = new StreamReader(served);
        Assert.Equal("Hello KFP Containerized!\n", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Run_PythonImporterPipelineOnS3Root_ReadsImportedObjectsAndWritesModelsToTheBucket()
    {
        fixture.S3.Storage.CreateBucket("ml-pipeline-playground");
        fixture.S3.Storage.Put("ml-pipeline-playground", "shakespeare1.txt", "From fairest creatures we desire increase,\n"u8.ToArray());
        fixture.S3.Storage.Put("ml-pipeline-playground", "shakespeare2.txt", "When forty winters shall besiege thy brow,\n"u8.ToArray());

        var (_, status, tasks) = await fixture.RunAsync("importer-on-s3", AcceptancePipelines.Read("pipeline_with_importer.yaml"), $"s3://{Bucket}/python");

        Assert.True(status.State == RunStates.Succeeded, Describe(status, tasks));
        var model = OutputUri(tasks, "root/train", "model");
        Assert.StartsWith($"s3://{Bucket}/python/", model, StringComparison.Ordinal);
        Assert.Equal("My model trained using data: From fairest creatures we desire increase,\n", ObjectText(model));
        Assert.Equal(TaskExecutionState.Succeeded, tasks.Single(t => t.TaskPath == "root/condition-1/train-2").State);
        Assert.Equal("My model trained using data: When forty winters shall besiege thy brow,\n", ObjectText(OutputUri(tasks, "root/condition-1/train-2", "model")));
    }

    [Fact]
    public async Task Run_DirectoryArtifactOnMinioRoot_UploadsAndDownloadsEveryFile()
    {
        var pipeline = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pipelines", "Definitions", "directory-artifact.yaml"));

        var (_, status, tasks) = await fixture.RunAsync("directory-on-minio", pipeline, $"minio://{Bucket}/directories");

        Assert.True(status.State == RunStates.Succeeded, Describe(status, tasks));
        var uri = OutputUri(tasks, "root/produce", "data");
        var key = uri[$"minio://{Bucket}/".Length..];
        Assert.Equal([$"{key}/a.txt", $"{key}/sub/b.txt"], fixture.S3.Storage.Keys(Bucket, key + "/"));
        Assert.Equal("beta", ObjectText(uri + "/sub/b.txt"));
        Assert.Equal("alpha+beta", JsonNode.Parse(tasks.Single(t => t.TaskPath == "root/consume").Outputs!)!["parameters"]!["seen"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_PipelineRootInMissingBucket_FailsTheProducerNamingTheBucket()
    {
        var (_, status, tasks) = await fixture.RunAsync("root-in-missing-bucket", AcceptancePipelines.Read("critical/two_step_pipeline_containerized.yaml"), "minio://no-such-bucket/root");

        Assert.True(status.State == RunStates.Failed, Describe(status, tasks));
        var producer = tasks.Single(t => t.TaskPath == "root/component1");
        Assert.Equal(TaskExecutionState.Failed, producer.State);
        Assert.Contains("output artifact \"output_gcs\" cannot be uploaded", producer.Error, StringComparison.Ordinal);
        Assert.Contains("the bucket \"no-such-bucket\" does not exist", producer.Error, StringComparison.Ordinal);
        Assert.Equal(TaskExecutionState.Skipped, tasks.Single(t => t.TaskPath == "root/component2").State);
    }

    private static string OutputUri(IReadOnlyList<TaskExecution> tasks, string path, string name) =>
        (JsonNode.Parse(tasks.Single(t => t.TaskPath == path).Outputs!)!["artifacts"]![name]![0]!["uri"]!).GetValue<string>();

    /// <summary>The object's text as the fake S3 server holds it.</summary>
    private string ObjectText(string uri)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var content = fixture.S3.Storage.Read(rest[..slash], rest[(slash + 1)..]);
        Assert.True(content is not null, $"{uri} is not in the fake S3 server; it has {string.Join(", ", fixture.S3.Storage.Keys(rest[..slash]))}");
        return Encoding.UTF8.GetString(content);
    }

    private string MirrorPath(string uri) =>
        Path.Combine(fixture.Server.DataDirectory, "artifacts", "remote", "minio", uri["minio://".Length..]);

    private async Task<string> LogOfAsync(IReadOnlyList<TaskExecution> tasks, string path)
    {
        var runtime = fixture.Server.Services.GetRequiredService<IWorkloadRuntime>();
        var lines = new List<string>();
        await foreach (var line in runtime.ReadLogAsync(tasks.Single(t => t.TaskPath == path).WorkloadId!, new LogOptions()))
        {
            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    private static string Describe(RunStatus status, IReadOnlyList<TaskExecution> tasks) =>
        $"{status.State} ({status.Error?.Message}): " + string.Join("; ", tasks.Select(t => $"{t.TaskPath}={t.State}{(t.Error is null ? string.Empty : $" [{t.Error}]")}"));
}
