using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// The generic resource API: <c>/api/v1/...</c> for the core group and <c>/apis/{group}/{version}/...</c>
/// for every other. The rest of the path is read by <see cref="Resources.ResourcePathResolver"/>, since
/// Kubernetes paths are ambiguous to a route table (<c>namespaces/{name}/status</c> against
/// <c>namespaces/{ns}/{plural}</c>).
/// </summary>
internal static class ResourceEndpoints
{
    private const string AnyPath = "/{**path}";

    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder app)
    {
        MapVerbs(app.MapGroup("/api/v1"), "Core");
        MapVerbs(app.MapGroup("/apis/{group}/{version}"), "Group");
        return app;
    }

    private static void MapVerbs(RouteGroupBuilder api, string scope)
    {
        api.WithTags("Resources");
        api.MapGet(AnyPath, (HttpContext context, ResourceHandlers handlers) => handlers.GetAsync(context)).WithName($"{scope}Get");
        api.MapPost(AnyPath, (HttpContext context, ResourceHandlers handlers) => handlers.CreateAsync(context)).WithName($"{scope}Create");
        api.MapPut(AnyPath, (HttpContext context, ResourceHandlers handlers) => handlers.ReplaceAsync(context)).WithName($"{scope}Replace");
        api.MapPatch(AnyPath, (HttpContext context, ResourceHandlers handlers) => handlers.PatchAsync(context)).WithName($"{scope}Patch");
        api.MapDelete(AnyPath, (HttpContext context, ResourceHandlers handlers) => handlers.DeleteAsync(context)).WithName($"{scope}Delete");
    }
}
