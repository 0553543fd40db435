using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Workloads;

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

    /// <summary>
    /// Whether a status change of a workload this kind owns should reconcile the owner (see
    /// <see cref="WorkloadLabels"/>). Every change by default; a reconciler that only acts when workloads end can
    /// say so and skip a reconcile per start. The owners of all workloads are still enqueued whenever the workload
    /// watch (re)starts.
    /// </summary>
    bool ReactsTo(WorkloadStatus workload) => true;

    /// <summary>
    /// Sees each change to an object of <see cref="Kind"/> before its key is enqueued, and each object a (re)list
    /// finds, e.g. to keep the latest version of the objects it reconciles instead of reading each from the store.
    /// Runs on the watch's thread: keep it short.
    /// </summary>
    void Observe(WatchEvent change)
    {
    }

    Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken);
}
