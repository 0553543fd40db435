using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's PipelineService and PipelineUploadService routes under <c>/apis/v2beta1/pipelines</c>.</summary>
internal static class KfpPipelineEndpoints
{
    public static RouteGroupBuilder MapKfpPipelines(this RouteGroupBuilder api)
    {
        var pipelines = api.MapGroup("/pipelines").WithTags("KFP pipelines");
        pipelines.MapPost(string.Empty, (HttpContext context, KfpPipelineHandlers handlers) => handlers.CreateAsync(context))
            .WithName("KfpCreatePipeline");
        pipelines.MapGet(string.Empty, (HttpContext context, KfpPipelineHandlers handlers) => handlers.ListAsync(context))
            .WithName("KfpListPipelines");
        pipelines.MapPost("/create", (HttpContext context, KfpPipelineHandlers handlers) => handlers.CreateWithVersionAsync(context))
            .WithName("KfpCreatePipelineAndVersion");
        pipelines.MapPost("/upload", (HttpContext context, KfpUploadHandlers handlers) => handlers.UploadPipelineAsync(context))
            .WithName("KfpUploadPipeline");
        pipelines.MapPost("/upload_version", (HttpContext context, KfpUploadHandlers handlers) => handlers.UploadVersionAsync(context))
            .WithName("KfpUploadPipelineVersion");
        pipelines.MapGet("/names/{name}", (HttpContext context, string name, KfpPipelineHandlers handlers) => handlers.GetByNameAsync(context, name))
            .WithName("KfpGetPipelineByName");
        pipelines.MapGet("/{pipelineId}", (HttpContext context, string pipelineId, KfpPipelineHandlers handlers) => handlers.GetAsync(context, pipelineId))
            .WithName("KfpGetPipeline");
        pipelines.MapDelete("/{pipelineId}", (HttpContext context, string pipelineId, KfpPipelineHandlers handlers) => handlers.DeleteAsync(context, pipelineId))
            .WithName("KfpDeletePipeline");

        var versions = pipelines.MapGroup("/{pipelineId}/versions");
        versions.MapPost(string.Empty, (HttpContext context, string pipelineId, KfpPipelineVersionHandlers handlers) => handlers.CreateAsync(context, pipelineId))
            .WithName("KfpCreatePipelineVersion");
        versions.MapGet(string.Empty, (HttpContext context, string pipelineId, KfpPipelineVersionHandlers handlers) => handlers.ListAsync(context, pipelineId))
            .WithName("KfpListPipelineVersions");
        versions.MapGet(
                "/{versionId}",
                (HttpContext context, string pipelineId, string versionId, KfpPipelineVersionHandlers handlers) => handlers.GetAsync(context, pipelineId, versionId))
            .WithName("KfpGetPipelineVersion");
        versions.MapDelete(
                "/{versionId}",
                (HttpContext context, string pipelineId, string versionId, KfpPipelineVersionHandlers handlers) => handlers.DeleteAsync(context, pipelineId, versionId))
            .WithName("KfpDeletePipelineVersion");
        return api;
    }
}
