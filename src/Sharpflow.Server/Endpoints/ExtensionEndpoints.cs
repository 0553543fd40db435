using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sharpflow.Api.Kinds;
using Sharpflow.Core.Events;
using Sharpflow.Core.Workloads;
using Sharpflow.Server.Http;

namespace Sharpflow.Server.Endpoints;

/// <summary>Sharpflow's own read endpoints beside the resource API: kinds, events, workloads and logs.</summary>
internal static class ExtensionEndpoints
{
    public const string WorkloadsResource = "workloads";
    public const string WorkloadsGroup = "sharpflow.io";

    public static IEndpointRouteBuilder MapExtensionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/sharpflow/v1").WithTags("Sharpflow");
        api.MapGet("/kinds", ListKinds).WithName("ListKinds");
        api.MapGet("/events", ListEventsAsync).WithName("ListEvents");
        api.MapGet("/workloads", ListWorkloadsAsync).WithName("ListWorkloads");
        api.MapGet("/workloads/{id}/log", (HttpContext context, string id, LogStreamer logs) => logs.StreamWorkloadAsync(context, id))
            .WithName("ReadWorkloadLog");
        api.MapGet(
                "/namespaces/{ns}/{plural}/{name}/log",
                (HttpContext context, string ns, string plural, string name, LogStreamer logs) => logs.StreamResourceAsync(context, ns, plural, name))
            .WithName("ReadResourceLog");
        return app;
    }

    private static ApiResult ListKinds(KindRegistry kinds) =>
        ApiResults.Json(kinds.All
            .Select(k => new KindDescription(k.Group, k.Version, k.Kind, k.Plural, k.Namespaced, k.ShortNames, k.ApiVersion, k.HasStatusSubresource))
            .ToList());

    private static async Task<ApiResult> ListEventsAsync(HttpContext context, IEventStore events)
    {
        var request = context.Request;
        var ns = QueryValues.String(request, "namespace");
        await RequestAuthorization.EnsureAllowedAsync(context, "list", string.Empty, "events", ns);
        var query = new EventQuery
        {
            Namespace = ns,
            Kind = QueryValues.String(request, "kind"),
            Name = QueryValues.String(request, "name"),
            Uid = QueryValues.String(request, "uid"),
            Limit = QueryValues.Int(request, "limit", minimum: 1) ?? new EventQuery().Limit,
        };
        return ApiResults.Json(await events.ListAsync(query, context.RequestAborted));
    }

    private static async Task<ApiResult> ListWorkloadsAsync(HttpContext context, IWorkloadRuntime runtime)
    {
        var request = context.Request;
        var ns = QueryValues.String(request, "namespace");
        await RequestAuthorization.EnsureAllowedAsync(context, "list", WorkloadsGroup, WorkloadsResource, ns);
        var wanted = new Dictionary<string, string?>
        {
            [WorkloadLabels.Namespace] = ns,
            [WorkloadLabels.OwnerKind] = QueryValues.String(request, "ownerKind"),
            [WorkloadLabels.OwnerName] = QueryValues.String(request, "ownerName"),
        };
        var workloads = await runtime.ListAsync(context.RequestAborted);
        return ApiResults.Json(workloads
            .Where(w => wanted.All(p => p.Value is null || (w.Labels.TryGetValue(p.Key, out var actual) && actual == p.Value)))
            .OrderBy(w => w.Id, StringComparer.Ordinal)
            .ToList());
    }
}
