using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Testing;

namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>A Sharpflow server (SQLite, local processes) with helpers to submit pipeline runs and watch them finish.</summary>
public sealed class PipelineServer : IAsyncDisposable
{
    public const string Namespace = "default";

    private PipelineServer(SharpflowTestServer server, SharpflowClient client, KindInfo runs)
    {
        Server = server;
        Client = client;
        Runs = runs;
    }

    public SharpflowTestServer Server { get; }

    public SharpflowClient Client { get; private set; }

    public KindInfo Runs { get; private set; }

    public IExecutionStore Executions => Server.Services.GetRequiredService<IExecutionStore>();

    public IWorkloadRuntime Workloads => Server.Services.GetRequiredService<IWorkloadRuntime>();

    public static async Task<PipelineServer> StartAsync(SharpflowTestServerOptions? options = null)
    {
        var server = await SharpflowTestServer.StartAsync(options);
        var client = server.CreateClient();
        var runs = await client.GetKindAsync(PipelineKinds.Run.ApiVersion, PipelineKinds.Run.Kind);
        return new PipelineServer(server, client, runs);
    }

    /// <summary>Restarts the server over the same data directory (processes of running tasks keep running).</summary>
    public async Task RestartAsync()
    {
        await Server.RestartAsync();
        Client = Server.CreateClient();
        Runs = await Client.GetKindAsync(PipelineKinds.Run.ApiVersion, PipelineKinds.Run.Kind);
    }

    /// <summary>A Run of the compiled pipeline text (YAML or JSON), as the API stores it.</summary>
    public static Resource RunOf(string name, string pipeline, JsonObject? parameters = null, bool? enableCaching = null)
    {
        var package = PipelineSpecParser.Parse(pipeline);
        var spec = new JsonObject { ["pipelineSpec"] = package.SpecJson.DeepClone() };
        if (package.PlatformSpec is not null)
        {
            spec["platformSpec"] = package.PlatformSpec.DeepClone();
        }

        if (parameters is not null)
        {
            spec["runtimeConfig"] = new JsonObject { ["parameters"] = parameters.DeepClone() };
        }

        if (enableCaching is not null)
        {
            spec["enableCaching"] = enableCaching.Value;
        }

        return new Resource
        {
            ApiVersion = PipelineKinds.Run.ApiVersion,
            Kind = PipelineKinds.Run.Kind,
            Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
            Spec = spec,
        };
    }

    public Task<Resource> SubmitAsync(string name, string pipeline, JsonObject? parameters = null, bool? enableCaching = null) =>
        Client.CreateAsync(RunOf(name, pipeline, parameters, enableCaching));

    public Task<Resource> GetRunAsync(string name) => Client.GetAsync(Runs, Namespace, name);

    public Task<Resource> PatchRunAsync(string name, string mergePatch) => Client.PatchAsync(Runs, Namespace, name, mergePatch);

    /// <summary>Waits until the run is in one of the final states and returns it with its status.</summary>
    public Task<FinishedRun> WaitFinishedAsync(string name, TimeSpan? timeout = null) =>
        WaitForStateAsync(name, timeout ?? TimeSpan.FromSeconds(120), RunStates.Succeeded, RunStates.Failed, RunStates.Canceled, RunStates.Skipped);

    public async Task<FinishedRun> WaitForStateAsync(string name, TimeSpan timeout, params string[] states)
    {
        Resource? run = null;
        await TestWait.UntilAsync(
            async () =>
            {
                run = await GetRunAsync(name);
                return states.Contains(run.GetStatus<RunStatus>()?.State);
            },
            timeout,
            $"run {name} reaching {string.Join(" or ", states)}");
        var executions = await Executions.ListByRunAsync(run!.Metadata.Uid!);
        return new FinishedRun(run, run.GetStatus<RunStatus>()!, executions);
    }

    /// <summary>Waits until a task of the run (by task path) is in one of the states.</summary>
    public async Task<TaskExecution> WaitForTaskAsync(string runName, string taskPath, TimeSpan timeout, params TaskExecutionState[] states)
    {
        TaskExecution? found = null;
        await TestWait.UntilAsync(
            async () =>
            {
                var run = await GetRunAsync(runName);
                found = (await Executions.ListByRunAsync(run.Metadata.Uid!)).FirstOrDefault(e => e.TaskPath == taskPath);
                return found is not null && states.Contains(found.State);
            },
            timeout,
            $"task {taskPath} of run {runName} reaching {string.Join(" or ", states)}");
        return found!;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
