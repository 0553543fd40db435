using Sharpflow.Api.Resources;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// Which workloads belong to a resource: those labelled with its namespace, kind and name (and its
/// uid, when the workload carries one, so a re-created object does not show its predecessor's logs).
/// </summary>
internal sealed class WorkloadOwnership(Resource owner, string? container)
{
    /// <summary>The label a controller may put on a workload that runs one named container of its owner.</summary>
    public const string ContainerLabel = "sharpflow.io/container";

    public bool Owns(WorkloadStatus workload)
    {
        var labels = workload.Labels;
        return Is(labels, WorkloadLabels.Namespace, owner.Metadata.Namespace)
            && Is(labels, WorkloadLabels.OwnerKind, owner.Kind)
            && Is(labels, WorkloadLabels.OwnerName, owner.Metadata.Name)
            && (!labels.TryGetValue(WorkloadLabels.OwnerUid, out var uid) || owner.Metadata.Uid is null || uid == owner.Metadata.Uid)
            && (container is null || Is(labels, ContainerLabel, container));
    }

    public async Task<IReadOnlyList<string>> FindAsync(IWorkloadRuntime runtime, CancellationToken cancellationToken) =>
        (await runtime.ListAsync(cancellationToken)).Where(Owns).Select(w => w.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>Waits until the first owned workload appears, then returns every owned one.</summary>
    public async Task<IReadOnlyList<string>> WaitAsync(IWorkloadRuntime runtime, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var changes = runtime.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        // Subscribe before looking again, so a workload started in between is not missed.
        var next = changes.MoveNextAsync().AsTask();
        try
        {
            var found = await FindAsync(runtime, cancellationToken);
            while (found.Count == 0 && await next)
            {
                found = Owns(changes.Current) ? await FindAsync(runtime, cancellationToken) : found;
                next = changes.MoveNextAsync().AsTask();
            }

            return found;
        }
        finally
        {
            await stop.CancelAsync();
            await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await changes.DisposeAsync();
        }
    }

    private static bool Is(IReadOnlyDictionary<string, string> labels, string key, string? expected) =>
        expected is not null && labels.TryGetValue(key, out var actual) && actual == expected;
}
