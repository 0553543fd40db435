namespace Sharpflow.Core.Controllers;

/// <summary>
/// A stream of external changes that should reconcile resources (e.g. workload status changes). The
/// controller manager runs every registered source only while it runs controllers, and cancels it when
/// it stops or loses the lease.
/// </summary>
public interface IReconcileSource
{
    Task RunAsync(IControllerTrigger trigger, CancellationToken cancellationToken);
}
