using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi;

/// <summary>
/// Kubeflow Pipelines' REST API v2beta1 (what <c>kfp.Client</c> speaks), over the pipeline resources. Everything under
/// <c>/apis/v2beta1</c> belongs to it — a path it does not serve is a NOT_FOUND here, never the generic
/// <c>/apis/{group}/{version}</c> route, which has no "v2beta1" group — and every error is a <c>google.rpc.Status</c>.
/// </summary>
internal static class KfpApiEndpoints
{
    public const string Prefix = "/apis/v2beta1";

    public static IEndpointRouteBuilder MapKfpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AddEndpointFilter<KfpErrorFilter>();
        api.MapKfpHealthz()
            .MapKfpPipelines()
            .MapKfpExperiments()
            .MapKfpRuns()
            .MapKfpRecurringRuns();
        api.Map("/{**rest}", NotFound).WithName("KfpNotFound");

        // The node log is the one v1alpha1 method KFP's UI and tools still call.
        app.MapGroup("/apis/v1alpha1/runs/{runId}/nodes/{nodeId}")
            .AddEndpointFilter<KfpErrorFilter>()
            .MapGet("/log", (HttpContext context, string runId, string nodeId, KfpNodeHandlers handlers) => handlers.ReadLogAsync(context, runId, nodeId))
            .WithTags("KFP runs")
            .WithName("KfpReadNodeLog");
        return app;
    }

    private static IResult NotFound(HttpContext context) => RpcStatusResult.Of(
        StatusCodes.Status404NotFound,
        RpcCode.NotFound,
        $"{context.Request.Method} {context.Request.Path} is not a method of the KFP v2beta1 API");
}
