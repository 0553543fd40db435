using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's PipelineService for the versions of one pipeline (<c>/pipelines/{pipeline_id}/versions</c>).</summary>
internal sealed class KfpPipelineVersionHandlers(KfpStore store, PipelineVersionFactory versions)
{
    public async Task<IResult> CreateAsync(HttpContext context, string pipelineId)
    {
        var pipeline = await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "get");
        await KfpStore.AuthorizeAsync(context, "create", PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace);
        var body = await KfpBody.ReadAsync(context.Request, context.RequestAborted);
        var request = await versions.ReadAsync(body, string.Empty, context.RequestAborted);
        var version = versions.Build(pipeline.Metadata.Namespace!, pipeline.Metadata.Name!, request);
        var created = await versions.CreateAsync(version, pipeline, nameGiven: request.Name is not null, context.RequestAborted);
        return KfpJson.Result(PipelineVersionJson.From(created, pipelineId));
    }

    public async Task<IResult> GetAsync(HttpContext context, string pipelineId, string versionId)
    {
        var (_, version) = await FindAsync(context, pipelineId, versionId, "get");
        return KfpJson.Result(PipelineVersionJson.From(version, pipelineId));
    }

    public async Task<IResult> ListAsync(HttpContext context, string pipelineId)
    {
        var request = KfpListRequest<Resource>.Read(context.Request, PipelineVersionJson.Fields);
        var pipeline = await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "get");
        await KfpStore.AuthorizeAsync(context, "list", PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace);
        var all = await store.ListAsync(PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace, context.RequestAborted);
        var page = KfpPage<Resource>.Of(all.Where(v => BelongsTo(v, pipeline)), request, PipelineVersionJson.Fields);
        return KfpJson.Result(KfpJson.List(
            "pipeline_versions", page.Items.Select(v => PipelineVersionJson.From(v, pipelineId)), page.TotalSize, page.NextPageToken));
    }

    public async Task<IResult> DeleteAsync(HttpContext context, string pipelineId, string versionId)
    {
        var (_, version) = await FindAsync(context, pipelineId, versionId, "delete");
        await store.DeleteAsync(version, context.RequestAborted);
        return KfpJson.Empty();
    }

    private async Task<(Resource Pipeline, Resource Version)> FindAsync(HttpContext context, string pipelineId, string versionId, string verb)
    {
        var pipeline = await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "get");
        var version = await store.GetByIdAsync(context, PipelineKinds.PipelineVersion, versionId, verb);
        return BelongsTo(version, pipeline)
            ? (pipeline, version)
            : throw KfpErrors.NotFound($"pipeline \"{pipelineId}\" has no version with id \"{versionId}\"");
    }

    private static bool BelongsTo(Resource version, Resource pipeline) =>
        version.Metadata.Namespace == pipeline.Metadata.Namespace && KfpJson.String(version.Spec, "pipelineName") == pipeline.Metadata.Name;
}
