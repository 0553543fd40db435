using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Testing;
using Sharpflow.Testing.S3;

namespace Sharpflow.Artifacts.Tests.Pipelines;

/// <summary>
/// A Sharpflow server (SQLite, local processes) whose artifact store is configured, through its configuration keys,
/// to put <c>minio://</c>, <c>s3://</c> and <c>gs://</c> artifacts in a fake S3 server.
/// </summary>
public sealed class S3PipelineServerFixture : IAsyncLifetime
{
    public const string Bucket = "sharpflow";
    public const string Namespace = "default";

    public FakeS3Server S3 { get; private set; } = null!;

    public SharpflowTestServer Server { get; private set; } = null!;

    public SharpflowClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        S3 = await FakeS3Server.StartAsync();
        S3.Storage.CreateBucket(Bucket);
        Server = await SharpflowTestServer.StartAsync(new SharpflowTestServerOptions
        {
            Configuration = new Dictionary<string, string>
            {
                ["Sharpflow:Artifacts:S3:ServiceUrl"] = S3.ServiceUrl.ToString(),
                ["Sharpflow:Artifacts:S3:AccessKey"] = S3.AccessKey,
                ["Sharpflow:Artifacts:S3:SecretKey"] = S3.SecretKey,
                ["Sharpflow:Artifacts:S3:Region"] = S3.Region,
                ["Sharpflow:Artifacts:S3:ForcePathStyle"] = "true",
                ["Sharpflow:Artifacts:S3:MaxErrorRetry"] = "0",
                ["Sharpflow:Artifacts:S3:Schemes:0"] = "minio",
                ["Sharpflow:Artifacts:S3:Schemes:1"] = "s3",
                ["Sharpflow:Artifacts:S3:Schemes:2"] = "gs",
            },
        });
        Client = Server.CreateClient();
    }

    /// <summary>Runs a compiled pipeline (YAML) with caching off and the given pipeline root, to its end.</summary>
    public async Task<(Resource Run, RunStatus Status, IReadOnlyList<TaskExecution> Tasks)> RunAsync(string name, string pipeline, string pipelineRoot)
    {
        var package = PipelineSpecParser.Parse(pipeline);
        var runs = await Client.GetKindAsync(PipelineKinds.Run.ApiVersion, PipelineKinds.Run.Kind);
        await Client.CreateAsync(new Resource
        {
            ApiVersion = PipelineKinds.Run.ApiVersion,
            Kind = PipelineKinds.Run.Kind,
            Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
            Spec = new JsonObject
            {
                ["pipelineSpec"] = package.SpecJson.DeepClone(),
                ["runtimeConfig"] = new JsonObject { ["pipelineRoot"] = pipelineRoot },
                ["enableCaching"] = false,
            },
        });

        Resource run = null!;
        await TestWait.UntilAsync(
            async () =>
            {
                run = await Client.GetAsync(runs, Namespace, name);
                return run.GetStatus<RunStatus>()?.State is RunStates.Succeeded or RunStates.Failed or RunStates.Canceled or RunStates.Skipped;
            },
            TimeSpan.FromMinutes(2),
            $"run {name} finishing");
        var tasks = await Server.Services.GetRequiredService<IExecutionStore>().ListByRunAsync(run.Metadata.Uid!);
        return (run, run.GetStatus<RunStatus>()!, tasks);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await S3.DisposeAsync();
    }
}
