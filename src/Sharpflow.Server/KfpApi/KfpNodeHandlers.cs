using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Artifacts;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>
/// What one task (node) of a run left behind: its log (<c>/apis/v1alpha1/runs/{run}/nodes/{node}/log</c>, the latest
/// attempt's workload) and its output artifacts (<c>.../artifacts/{name}:read</c>). A node is named by its task_id,
/// its pod_name (the workload) or, when unique in the run, its display name. Only artifacts the task recorded as its
/// outputs can be read, never another path.
/// </summary>
internal sealed class KfpNodeHandlers(KfpStore store, IExecutionStore executions, IWorkloadRuntime runtime, ArtifactStoreResolver artifacts)
{
    /// <summary>The most an artifact read returns (it is sent base64-encoded inside JSON).</summary>
    public const long MaxArtifactBytes = 32L * 1024 * 1024;

    public async Task<IResult> ReadLogAsync(HttpContext context, string runId, string nodeId)
    {
        var run = await store.GetByIdAsync(context, PipelineKinds.Run, runId, "get", "log");
        var task = await FindTaskAsync(run, nodeId, context.RequestAborted);
        if (task.WorkloadId is not { } workloadId)
        {
            throw KfpErrors.NotFound($"task \"{task.TaskName}\" ({KfpStates.Of(task.State)}) ran no process, so it has no log");
        }

        _ = await runtime.GetAsync(workloadId, context.RequestAborted)
            ?? throw KfpErrors.NotFound($"the log of task \"{task.TaskName}\" is no longer kept: its workload \"{workloadId}\" was removed");
        var response = context.Response;
        response.ContentType = "text/plain; charset=utf-8";
        await foreach (var line in runtime.ReadLogAsync(workloadId, new LogOptions(), context.RequestAborted))
        {
            await response.WriteAsync(line + "\n", context.RequestAborted);
        }

        return Results.Empty;
    }

    public async Task<IResult> ReadArtifactAsync(HttpContext context, string runId, string nodeId, string segment)
    {
        var (name, _) = KfpAction.Split(segment, $"runs/{runId}/nodes/{nodeId}/artifacts", "read");
        var run = await store.GetByIdAsync(context, PipelineKinds.Run, runId, "get", "artifacts");
        var task = await FindTaskAsync(run, nodeId, context.RequestAborted);
        var outputs = OutputArtifacts(task);
        if (!outputs.TryGetValue(name, out var uri))
        {
            throw KfpErrors.NotFound(
                $"task \"{task.TaskName}\" recorded no output artifact \"{name}\"{(outputs.Count == 0 ? string.Empty : $"; its outputs are {string.Join(", ", outputs.Keys)}")}");
        }

        IArtifactStore artifactStore;
        try
        {
            artifactStore = artifacts.For(uri);
        }
        catch (ArtifactStoreException e)
        {
            throw KfpErrors.FailedPrecondition($"artifact \"{name}\" ({uri}) cannot be read here: {e.Message}");
        }

        var data = await ReadAsync(artifactStore, uri, name, context.RequestAborted);
        return KfpJson.Result(new JsonObject { ["data"] = Convert.ToBase64String(data) });
    }

    private async Task<TaskExecution> FindTaskAsync(Resource run, string nodeId, CancellationToken cancellationToken)
    {
        var tasks = await executions.ListByRunAsync(run.Metadata.Uid!, cancellationToken);
        var found = tasks.FirstOrDefault(t => KfpTaskIds.Of(t.Id) == nodeId || t.WorkloadId == nodeId || t.Id == nodeId);
        if (found is null && tasks.Where(t => t.TaskName == nodeId).ToList() is [var single])
        {
            found = single;
        }

        return found ?? throw KfpErrors.NotFound(
            $"run \"{run.Metadata.Uid}\" has no task \"{nodeId}\": use a task_id or pod_name from the run's run_details.task_details");
    }

    /// <summary>The first URI of each output artifact the task recorded.</summary>
    private static Dictionary<string, string> OutputArtifacts(TaskExecution task) =>
        RecordedArtifacts.UrisByName(task.Outputs)
            .Where(artifact => artifact.Value.Count > 0)
            .ToDictionary(artifact => artifact.Key, artifact => artifact.Value[0], StringComparer.Ordinal);

    /// <summary>A file artifact's bytes; a directory artifact as a gzipped tar of its files (as KFP's Argo artifacts are stored).</summary>
    private static async Task<byte[]> ReadAsync(IArtifactStore artifactStore, string uri, string name, CancellationToken cancellationToken)
    {
        var objects = await artifactStore.ListAsync(uri, cancellationToken);
        if (objects.Count == 0)
        {
            throw KfpErrors.NotFound($"artifact \"{name}\" is recorded at {uri}, but its content is missing from the artifact store");
        }

        var size = objects.Sum(o => o.Size);
        if (size > MaxArtifactBytes)
        {
            throw KfpErrors.FailedPrecondition(
                $"artifact \"{name}\" holds {size} bytes, more than the {MaxArtifactBytes / (1024 * 1024)} MiB this method returns; read it from {uri} instead");
        }

        if (objects is [var single] && single.Uri == uri)
        {
            await using var content = await artifactStore.OpenReadAsync(uri, cancellationToken)
                ?? throw KfpErrors.NotFound($"artifact \"{name}\" at {uri} is missing from the artifact store");
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        using var archive = new MemoryStream();
        await using (var gzip = new GZipStream(archive, CompressionLevel.Fastest, leaveOpen: true))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            var prefix = uri.TrimEnd('/') + "/";
            foreach (var file in objects)
            {
                await using var content = await artifactStore.OpenReadAsync(file.Uri, cancellationToken);
                if (content is null)
                {
                    continue;
                }

                var entryName = file.Uri.StartsWith(prefix, StringComparison.Ordinal) ? file.Uri[prefix.Length..] : Path.GetFileName(file.Uri);
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = content }, cancellationToken);
            }
        }

        return archive.ToArray();
    }
}
