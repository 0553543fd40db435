using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Server.Namespaces;

/// <summary>
/// What a namespace is created with: the finalizer that keeps it until its contents are deleted, and
/// status.phase Active. Both are written before the creator gets its answer, so no controller write
/// races the creator's next update.
/// </summary>
internal static class NamespaceDefaults
{
    public static async Task<Resource> CreateAsync(IResourceStore store, Resource ns, CancellationToken cancellationToken)
    {
        var finalizers = ns.Metadata.Finalizers ?? [];
        if (!finalizers.Contains(NamespaceReconciler.Finalizer))
        {
            ns = ns with { Metadata = ns.Metadata with { Finalizers = [.. finalizers, NamespaceReconciler.Finalizer] } };
        }

        var created = await store.CreateAsync(ns, cancellationToken);
        return await store.UpdateStatusAsync(created with { Status = new JsonObject { ["phase"] = NamespacePhases.Active } }, cancellationToken);
    }
}
