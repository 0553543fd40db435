using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Controllers;

/// <summary>Status writes for reconcilers: only when something changed, always with status.observedGeneration.</summary>
public static class StatusUpdateExtensions
{
    /// <inheritdoc cref="UpdateStatusIfChangedAsync(IResourceStore, Resource, JsonObject, CancellationToken)"/>
    public static Task<Resource?> UpdateStatusIfChangedAsync<TStatus>(
        this IResourceStore store, Resource resource, TStatus status, CancellationToken cancellationToken = default)
        where TStatus : class =>
        store.UpdateStatusIfChangedAsync(resource, ResourceExtensions.ToObject(status), cancellationToken);

    /// <summary>
    /// Writes <paramref name="status"/> (with observedGeneration set to the generation of
    /// <paramref name="resource"/>, the one it was computed from) unless it equals the stored status as JSON.
    /// On a 409 Conflict it re-reads the object once and writes onto the fresh version; a second conflict is thrown.
    /// </summary>
    /// <returns>The stored object (unchanged when nothing differed), or null when the object no longer exists.</returns>
    public static async Task<Resource?> UpdateStatusIfChangedAsync(
        this IResourceStore store, Resource resource, JsonObject status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resource);
        var desired = (JsonObject)status.DeepClone();
        desired["observedGeneration"] = resource.Metadata.Generation;
        if (JsonNode.DeepEquals(resource.Status, desired))
        {
            return resource;
        }

        try
        {
            return await store.UpdateStatusAsync(resource with { Status = desired }, cancellationToken);
        }
        catch (ResourceException e) when (e.Code == 404)
        {
            return null;
        }
        catch (ResourceException e) when (e.Code == 409)
        {
            var fresh = await store.GetAsync(ResourceKey.Of(resource), cancellationToken);
            if (fresh is null || fresh.Metadata.Uid != resource.Metadata.Uid)
            {
                return null;
            }

            return JsonNode.DeepEquals(fresh.Status, desired)
                ? fresh
                : await store.UpdateStatusAsync(fresh with { Status = desired }, cancellationToken);
        }
    }
}
