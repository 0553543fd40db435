using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's RunService routes under <c>/apis/v2beta1/runs</c>, and the node artifact read.</summary>
internal static class KfpRunEndpoints
{
    public static RouteGroupBuilder MapKfpRuns(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("KFP runs");
        runs.MapPost(string.Empty, (HttpContext context, KfpRunHandlers handlers) => handlers.CreateAsync(context)).WithName("KfpCreateRun");
        runs.MapGet(string.Empty, (HttpContext context, KfpRunHandlers handlers) => handlers.ListAsync(context)).WithName("KfpListRuns");
        runs.MapGet("/{runId}", (HttpContext context, string runId, KfpRunHandlers handlers) => handlers.GetAsync(context, runId))
            .WithName("KfpGetRun");
        runs.MapDelete("/{runId}", (HttpContext context, string runId, KfpRunHandlers handlers) => handlers.DeleteAsync(context, runId))
            .WithName("KfpDeleteRun");
        runs.MapPost("/{action}", (HttpContext context, string action, KfpRunHandlers handlers) => handlers.ActAsync(context, action))
            .WithName("KfpRunAction");
        runs.MapGet(
                "/{runId}/nodes/{nodeId}/artifacts/{action}",
                (HttpContext context, string runId, string nodeId, string action, KfpNodeHandlers handlers) =>
                    handlers.ReadArtifactAsync(context, runId, nodeId, action))
            .WithName("KfpReadArtifact");
        return api;
    }
}
