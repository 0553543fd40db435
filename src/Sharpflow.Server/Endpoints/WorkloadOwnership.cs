using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Server.Endpoints;

/// <summary>
/// Which workloads belong to a resource: those labelled with its namespace, kind and name (and its
/// uid, when the workload carries one, so a re-created object does not show its predecessor's logs).
/// A Pod's log is that of its latest attempt; other kinds show every workload they own.
/// </summary>
internal sealed class WorkloadOwnership
{
    /// <summary>The label a controller may put on a workload that runs one named container of its owner.</summary>
    public const string ContainerLabel = "sharpflow.io/container";

    private readonly Resource _owner;
    private readonly string? _container;
    private readonly bool _isPod;

    public WorkloadOwnership(Resource owner, string? container)
    {
        _owner = owner;
        _container = container;
        _isPod = owner.Group.Length == 0 && owner.Kind == BuiltInKinds.Pod.Kind;
        if (_isPod && container is not null)
        {
            CheckPodContainer(owner, container);
        }
    }

    public bool Owns(WorkloadStatus workload)
    {
        var labels = workload.Labels;
        return Is(labels, WorkloadLabels.Namespace, _owner.Metadata.Namespace)
            && Is(labels, WorkloadLabels.OwnerKind, _owner.Kind)
            && Is(labels, WorkloadLabels.OwnerName, _owner.Metadata.Name)
            && (!labels.TryGetValue(WorkloadLabels.OwnerUid, out var uid) || _owner.Metadata.Uid is null || uid == _owner.Metadata.Uid)
            && (_container is null || !labels.TryGetValue(ContainerLabel, out var container) || container == _container);
    }

    public async Task<IReadOnlyList<string>> FindAsync(IWorkloadRuntime runtime, CancellationToken cancellationToken)
    {
        var owned = (await runtime.ListAsync(cancellationToken)).Where(Owns).ToList();
        if (_isPod && owned.Count > 1)
        {
            // Every restart is a new workload; the log of a pod is its latest attempt's, as kubectl shows it.
            owned = [owned.OrderBy(w => w.StartedAt ?? DateTimeOffset.MaxValue).ThenBy(w => w.Id.Length).ThenBy(w => w.Id, StringComparer.Ordinal).Last()];
        }

        return owned.Select(w => w.Id).Order(StringComparer.Ordinal).ToList();
    }

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

    /// <summary>Locally a pod runs its first container; asking for another (or an unknown one) is a 400 that lists the valid one.</summary>
    private static void CheckPodContainer(Resource pod, string container)
    {
        var names = (pod.Spec?["containers"] as JsonArray ?? [])
            .Select(c => (c as JsonObject)?["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : null)
            .ToList();
        if (names.Count > 0 && names[0] == container)
        {
            return;
        }

        var problem = names.Contains(container)
            ? $"container \"{container}\" of pod \"{pod.Metadata.Name}\" does not run locally: only the first container, \"{names[0]}\", does"
            : $"container \"{container}\" is not valid for pod \"{pod.Metadata.Name}\"; its containers are: {string.Join(", ", names.Where(n => n is not null))}";
        throw ResourceException.BadRequest(problem, "container");
    }

    private static bool Is(IReadOnlyDictionary<string, string> labels, string key, string? expected) =>
        expected is not null && labels.TryGetValue(key, out var actual) && actual == expected;
}
