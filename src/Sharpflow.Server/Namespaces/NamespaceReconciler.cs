using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Store;

namespace Sharpflow.Server.Namespaces;

/// <summary>
/// Keeps a namespace's contents tied to it, as Kubernetes' namespace controller does: a namespace is
/// created with a finalizer (<see cref="NamespaceDefaults"/>); once deleted it turns Terminating, has
/// every object in it deleted (their own finalizers run as usual), and goes away when it is empty.
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
            // Gone without the finalizer (created before it existed, or written to the store directly): clean up after it.
            await DeleteContentsAsync(key.Name, cancellationToken);
            return ReconcileResult.Done;
        }

        if (!ns.IsBeingDeleted() || !ns.HasFinalizer(Finalizer))
        {
            return ReconcileResult.Done;
        }

        if (!(ns.Status?["phase"] is JsonValue phase && phase.TryGetValue<string>(out var text) && text == NamespacePhases.Terminating))
        {
            var status = ns.Status?.DeepClone().AsObject() ?? [];
            status["phase"] = NamespacePhases.Terminating;
            ns = await store.UpdateStatusAsync(ns with { Status = status }, cancellationToken);
        }

        var remaining = await DeleteContentsAsync(key.Name, cancellationToken);
        if (remaining > 0)
        {
            return ReconcileResult.After(RecheckAfter);
        }

        await store.UpdateAsync(
            ns with { Metadata = ns.Metadata with { Finalizers = ns.Metadata.Finalizers!.Where(f => f != Finalizer).ToList() } },
            cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Namespace {Namespace} is empty and goes away")]
    private partial void LogEmptied(string @namespace);
}
