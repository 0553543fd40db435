using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// Brings one kind's objects to their desired state. Level-triggered and idempotent: it is handed only
/// a key, reads the current object itself, and may be called any number of times for the same state.
/// Throwing requeues the key with exponential backoff.
/// </summary>
public interface IReconciler
{
    /// <summary>The kind whose objects this reconciler owns.</summary>
    ResourceKind Kind { get; }

    /// <summary>Kinds of children: a change to a child enqueues its controller owner (ownerReferences with controller=true).</summary>
    IReadOnlyList<ResourceKind> OwnedKinds => [];

    Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken);
}
