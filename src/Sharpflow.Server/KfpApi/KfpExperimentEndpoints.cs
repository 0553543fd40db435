using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's ExperimentService routes under <c>/apis/v2beta1/experiments</c>.</summary>
internal static class KfpExperimentEndpoints
{
    public static RouteGroupBuilder MapKfpExperiments(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("KFP experiments");
        experiments.MapPost(string.Empty, (HttpContext context, KfpExperimentHandlers handlers) => handlers.CreateAsync(context))
            .WithName("KfpCreateExperiment");
        experiments.MapGet(string.Empty, (HttpContext context, KfpExperimentHandlers handlers) => handlers.ListAsync(context))
            .WithName("KfpListExperiments");
        experiments.MapGet("/{experimentId}", (HttpContext context, string experimentId, KfpExperimentHandlers handlers) => handlers.GetAsync(context, experimentId))
            .WithName("KfpGetExperiment");
        experiments.MapDelete("/{experimentId}", (HttpContext context, string experimentId, KfpExperimentHandlers handlers) => handlers.DeleteAsync(context, experimentId))
            .WithName("KfpDeleteExperiment");
        experiments.MapPost("/{action}", (HttpContext context, string action, KfpExperimentHandlers handlers) => handlers.ActAsync(context, action))
            .WithName("KfpExperimentAction");
        return api;
    }
}
