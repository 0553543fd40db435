using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// Enqueues a key for the controller of its kind from outside the store watch (a workload changed, a
/// schedule fired). Keys arriving while this replica does not run controllers are dropped: the leader
/// lists every object when it starts.
/// </summary>
public interface IControllerTrigger
{
    void Enqueue(ResourceKey key);
}
