using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's RecurringRunService routes under <c>/apis/v2beta1/recurringruns</c>.</summary>
internal static class KfpRecurringRunEndpoints
{
    public static RouteGroupBuilder MapKfpRecurringRuns(this RouteGroupBuilder api)
    {
        var recurring = api.MapGroup("/recurringruns").WithTags("KFP recurring runs");
        recurring.MapPost(string.Empty, (HttpContext context, KfpRecurringRunHandlers handlers) => handlers.CreateAsync(context))
            .WithName("KfpCreateRecurringRun");
        recurring.MapGet(string.Empty, (HttpContext context, KfpRecurringRunHandlers handlers) => handlers.ListAsync(context))
            .WithName("KfpListRecurringRuns");
        recurring.MapGet("/{recurringRunId}", (HttpContext context, string recurringRunId, KfpRecurringRunHandlers handlers) => handlers.GetAsync(context, recurringRunId))
            .WithName("KfpGetRecurringRun");
        recurring.MapDelete("/{recurringRunId}", (HttpContext context, string recurringRunId, KfpRecurringRunHandlers handlers) => handlers.DeleteAsync(context, recurringRunId))
            .WithName("KfpDeleteRecurringRun");
        recurring.MapPost("/{action}", (HttpContext context, string action, KfpRecurringRunHandlers handlers) => handlers.ActAsync(context, action))
            .WithName("KfpRecurringRunAction");
        return api;
    }
}
