using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Server.Http;
using Sharpflow.Server.Resources;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// The verbs of the generic resource API. Each request is resolved to a kind, authorized, checked
/// against its URL and validated before the store sees it; the store enforces concurrency and finalizers.
/// </summary>
internal sealed partial class ResourceHandlers(
    IResourceStore store,
    ResourcePathResolver resolver,
    ResourceAdmission admission,
    WatchStreamer watchStreamer)
{
    public async Task<IResult> GetAsync(HttpContext context)
    {
        var target = Resolve(context);
        if (!target.IsCollection)
        {
            await RequestAuthorization.EnsureAllowedAsync(context, "get", target);
            return ApiResults.Ok(await GetExistingAsync(target.Key, context.RequestAborted));
        }

        if (QueryValues.Bool(context.Request, "watch"))
        {
            await RequestAuthorization.EnsureAllowedAsync(context, "watch", target);
            await watchStreamer.StreamAsync(context, target);
            return Results.Empty;
        }

        await RequestAuthorization.EnsureAllowedAsync(context, "list", target);
        return await ListAsync(context, target);
    }

    private async Task<IResult> ListAsync(HttpContext context, ResourceTarget target)
    {
        var request = context.Request;
        var labelSelector = QueryValues.String(request, "labelSelector");
        var fieldSelector = QueryValues.String(request, "fieldSelector");
        Api.Selectors.LabelSelector.Parse(labelSelector);
        Api.Selectors.FieldSelector.Parse(fieldSelector);
        var list = await store.ListAsync(
            new ListQuery
            {
                Group = target.Kind.Group,
                Kind = target.Kind.Kind,
                Namespace = target.Namespace,
                LabelSelector = labelSelector,
                FieldSelector = fieldSelector,
                Limit = QueryValues.Int(request, "limit"),
                Continue = QueryValues.String(request, "continue"),
            },
            context.RequestAborted);
        return ApiResults.List(list with { ApiVersion = target.Kind.ApiVersion, Kind = $"{target.Kind.Kind}List" });
    }

    private async Task<Resource> GetExistingAsync(ResourceKey key, CancellationToken cancellationToken) =>
        await store.GetAsync(key, cancellationToken) ?? throw ResourceException.NotFound(key);

    private ResourceTarget Resolve(HttpContext context)
    {
        var group = context.GetRouteValue("group") as string ?? string.Empty;
        var version = context.GetRouteValue("version") as string ?? "v1";
        return resolver.Resolve(group, version, context.GetRouteValue("path") as string);
    }

    private static ResourceException MethodNotAllowed(HttpContext context, ResourceTarget target, string hint) => new(new ApiStatus
    {
        Code = StatusCodes.Status405MethodNotAllowed,
        Reason = "MethodNotAllowed",
        Message = $"{context.Request.Method} is not supported on {target.Describe()}: {hint}",
    });

    private static bool IsNamespace(ResourceKind kind) => kind.Group.Length == 0 && kind.Kind == BuiltInKinds.Namespace.Kind;
}
