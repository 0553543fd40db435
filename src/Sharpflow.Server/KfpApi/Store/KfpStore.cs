using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Server.Http;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// How the KFP API finds resources. KFP addresses objects by id, which here is metadata.uid, found through the store's
/// uid index (<see cref="FindByIdAsync"/>).
/// </summary>
internal sealed class KfpStore(IResourceStore store)
{
    public IResourceStore Inner => store;

    public async Task<IReadOnlyList<Resource>> ListAsync(ResourceKind kind, string? ns, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(new ListQuery { Group = kind.Group, Kind = kind.Kind, Namespace = ns }, cancellationToken);
        return list.Items;
    }

    public async Task<Resource?> FindByIdAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return await store.GetByUidAsync(kind.Group, kind.Kind, id, cancellationToken);
    }

    /// <summary>The object with that id after checking that the caller may <paramref name="verb"/> it; 404 NOT_FOUND naming the id otherwise.</summary>
    public async Task<Resource> GetByIdAsync(
        HttpContext context, ResourceKind kind, string id, string verb, string? subresource = null)
    {
        var found = await FindByIdAsync(kind, id, context.RequestAborted)
            ?? throw KfpErrors.NotFound($"{Noun(kind)} with id \"{id}\" not found");
        await AuthorizeAsync(context, verb, kind, found.Metadata.Namespace, found.Metadata.Name, subresource);
        return found;
    }

    public Task<Resource?> GetAsync(ResourceKind kind, string ns, string name, CancellationToken cancellationToken) =>
        store.GetAsync(new ResourceKey(kind.Group, kind.Kind, ns, name), cancellationToken);

    public Task<Resource> UpdateAsync(Resource resource, CancellationToken cancellationToken) => store.UpdateAsync(resource, cancellationToken);

    /// <summary>Deletes the object; one already gone counts as deleted.</summary>
    public async Task DeleteAsync(Resource resource, CancellationToken cancellationToken) =>
        await store.DeleteAsync(ResourceKey.Of(resource), null, cancellationToken);

    /// <summary>
    /// Changes the spec of a stored object by <paramref name="change"/>, retrying when another writer got there first
    /// (the store's optimistic concurrency answers 409 Conflict).
    /// </summary>
    public async Task<Resource> UpdateSpecAsync(Resource resource, Action<System.Text.Json.Nodes.JsonObject> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var spec = resource.Spec?.DeepClone().AsObject() ?? [];
            change(spec);
            try
            {
                return await store.UpdateAsync(resource with { Spec = spec }, cancellationToken);
            }
            catch (ResourceException e) when (e.Code == StatusCodes.Status409Conflict && e.Reason == "Conflict" && attempt < 5)
            {
                resource = await store.GetAsync(ResourceKey.Of(resource), cancellationToken)
                    ?? throw KfpErrors.NotFound($"{resource.Kind} \"{resource.Metadata.Name}\" was deleted meanwhile");
            }
        }
    }

    public static Task AuthorizeAsync(HttpContext context, string verb, ResourceKind kind, string? ns, string? name = null, string? subresource = null) =>
        RequestAuthorization.EnsureAllowedAsync(context, verb, kind.Group, kind.Plural, ns, name, subresource);

    /// <summary>"pipeline version" for PipelineVersion, as KFP's messages name it.</summary>
    public static string Noun(ResourceKind kind) => kind.Kind switch
    {
        "PipelineVersion" => "pipeline version",
        "RecurringRun" => "recurring run",
        _ => kind.Kind.ToLowerInvariant(),
    };
}
