using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's PipelineService for pipelines: create (alone or with a first version), get by id or name, list, delete.</summary>
internal sealed class KfpPipelineHandlers(KfpStore store, PipelineFactory pipelines, PipelineVersionFactory versions)
{
    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await KfpBody.ReadAsync(context.Request, context.RequestAborted);
        var pipeline = PipelineFactory.Read(body, string.Empty, KfpQuery.String(context.Request, "namespace"));
        return KfpJson.Result(PipelineJson.From(await pipelines.CreateAsync(context, pipeline)));
    }

    /// <summary><c>POST /pipelines/create</c> with <c>{pipeline, pipeline_version}</c>; answers the pipeline.</summary>
    public async Task<IResult> CreateWithVersionAsync(HttpContext context)
    {
        var body = await KfpBody.ReadAsync(context.Request, context.RequestAborted);
        var pipelineBody = KfpBody.Object(body, "pipeline", string.Empty)
            ?? throw KfpErrors.InvalidArgument("pipeline", "is required: the pipeline to create");
        var versionBody = KfpBody.Object(body, "pipeline_version", string.Empty)
            ?? throw KfpErrors.InvalidArgument("pipeline_version", "is required: its first version, with pipeline_spec or package_url");
        var pipeline = PipelineFactory.Read(pipelineBody, "pipeline", KfpQuery.String(context.Request, "namespace"));
        var version = await versions.ReadAsync(versionBody, "pipeline_version", context.RequestAborted);
        var (created, _) = await pipelines.CreateWithVersionAsync(context, pipeline, version);
        return KfpJson.Result(PipelineJson.From(created));
    }

    public async Task<IResult> GetAsync(HttpContext context, string pipelineId) =>
        KfpJson.Result(PipelineJson.From(await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "get")));

    /// <summary>By the pipeline's name in a namespace: its resource name, or a KFP name that maps to it.</summary>
    public async Task<IResult> GetByNameAsync(HttpContext context, string name)
    {
        var ns = KfpNamespaces.Resolve(KfpQuery.String(context.Request, "namespace"));
        var kind = PipelineKinds.Pipeline;
        await KfpStore.AuthorizeAsync(context, "get", kind, ns);
        var pipeline = await store.GetAsync(kind, ns, name, context.RequestAborted)
            ?? await store.GetAsync(kind, ns, KfpNames.From(name, "pipeline"), context.RequestAborted)
            ?? throw KfpErrors.NotFound($"no pipeline named \"{name}\" in namespace \"{ns}\"");
        return KfpJson.Result(PipelineJson.From(pipeline));
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var request = KfpListRequest<Resource>.Read(context.Request, PipelineJson.Fields);
        var ns = KfpNamespaces.Resolve(KfpQuery.String(context.Request, "namespace"));
        await KfpStore.AuthorizeAsync(context, "list", PipelineKinds.Pipeline, ns);
        var all = await store.ListAsync(PipelineKinds.Pipeline, ns, context.RequestAborted);
        var page = KfpPage<Resource>.Of(all, request, PipelineJson.Fields);
        return KfpJson.Result(KfpJson.List("pipelines", page.Items.Select(PipelineJson.From), page.TotalSize, page.NextPageToken));
    }

    /// <summary>Deletes a pipeline; one with versions only with <c>?cascade=true</c> (its versions go with it), else FAILED_PRECONDITION.</summary>
    public async Task<IResult> DeleteAsync(HttpContext context, string pipelineId)
    {
        var pipeline = await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "delete");
        var cascade = KfpQuery.Bool(context.Request, "cascade");
        var owned = (await store.ListAsync(PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace, context.RequestAborted))
            .Where(v => KfpJson.String(v.Spec, "pipelineName") == pipeline.Metadata.Name)
            .ToList();
        if (owned.Count > 0 && !cascade)
        {
            throw KfpErrors.FailedPrecondition(
                $"pipeline \"{pipelineId}\" has {owned.Count} version(s): delete them first, or delete with ?cascade=true to delete them with it");
        }

        foreach (var version in owned)
        {
            await KfpStore.AuthorizeAsync(context, "delete", PipelineKinds.PipelineVersion, version.Metadata.Namespace, version.Metadata.Name);
            await store.DeleteAsync(version, context.RequestAborted);
        }

        await store.DeleteAsync(pipeline, context.RequestAborted);
        return KfpJson.Empty();
    }
}
