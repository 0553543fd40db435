using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Store;

namespace Sharpflow.Server.Namespaces;

/// <summary>
/// Keeps a namespace's contents tied to it, as Kubernetes' namespace controller does: a live namespace
/// carries a finalizer and status.phase Active; a deleted one turns Terminating, has every object in it
/// deleted (their own finalizers run as usual), and goes away once it is empty.
/// </summary>
internal sealed partial class NamespaceReconciler(IResourceStore store, KindRegistry kinds, ILogger<NamespaceReconciler> logger) : IReconciler
{
    public const string Finalizer = "sharpflow.io/namespace-contents";

    /// <summary>How soon to look again while objects in a terminating namespace finish their own finalizers.</summary>
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    public ResourceKind Kind => BuiltInKinds.Namespace;

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var ns = await store.GetAsync(key, cancellationToken);
        if (ns is null)
        {
            return ReconcileResult.Done;
        }

        if (!ns.IsBeingDeleted())
        {
            if (!ns.HasFinalizer(Finalizer))
            {
                ns = await store.UpdateAsync(WithFinalizers(ns, [.. ns.Metadata.Finalizers ?? [], Finalizer]), cancellationToken);
            }

            await store.UpdateStatusIfChangedAsync(ns, new NamespaceStatus { Phase = NamespaceStatus.Active }, cancellationToken);
            return ReconcileResult.Done;
        }

        if (!ns.HasFinalizer(Finalizer))
        {
            return ReconcileResult.Done;
        }

        ns = await store.UpdateStatusIfChangedAsync(ns, new NamespaceStatus { Phase = NamespaceStatus.Terminating }, cancellationToken) ?? ns;
        var remaining = await DeleteContentsAsync(key.Name, cancellationToken);
        if (remaining > 0)
        {
            return ReconcileResult.After(RecheckAfter);
        }

        await store.UpdateAsync(WithFinalizers(ns, ns.Metadata.Finalizers!.Where(f => f != Finalizer).ToList()), cancellationToken);
        LogEmptied(key.Name);
        return ReconcileResult.Done;
    }

    /// <summary>Asks every object in the namespace to go; returns how many are still there.</summary>
    private async Task<int> DeleteContentsAsync(string ns, CancellationToken cancellationToken)
    {
        var remaining = 0;
        foreach (var kind in kinds.All.Where(k => k.Namespaced))
        {
            var list = await store.ListAsync(new ListQuery { Group = kind.Group, Kind = kind.Kind, Namespace = ns }, cancellationToken);
            foreach (var item in list.Items)
            {
                remaining++;
                if (!item.IsBeingDeleted())
                {
                    try
                    {
                        await store.DeleteAsync(ResourceKey.Of(item), null, cancellationToken);
                    }
                    catch (ResourceException e) when (e.Code == 404)
                    {
                        // Gone already, with its owner say.
                    }
                }
            }
        }

        return remaining;
    }

    private static Resource WithFinalizers(Resource ns, IReadOnlyList<string> finalizers) =>
        ns with { Metadata = ns.Metadata with { Finalizers = finalizers } };

    [LoggerMessage(Level = LogLevel.Information, Message = "Namespace {Namespace} is empty and goes away")]
    private partial void LogEmptied(string @namespace);
}
