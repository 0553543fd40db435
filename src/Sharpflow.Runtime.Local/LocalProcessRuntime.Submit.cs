using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Admission;
using Sharpflow.Runtime.Local.Launch;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    public async Task<WorkloadStatus> StartAsync(WorkloadSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var statuses = await SubmitAsync([spec], cancellationToken);
        return statuses[0];
    }

    public Task<IReadOnlyList<WorkloadStatus>> StartGroupAsync(IReadOnlyList<WorkloadSpec> specs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return SubmitAsync(specs, cancellationToken);
    }

    /// <summary>
    /// Queues the specs as one unit (a gang when there are several). Ids that exist already are answered with their
    /// status and left out of the unit. A spec that can never run, or a unit larger than the whole node, fails at once.
    /// </summary>
    private async Task<IReadOnlyList<WorkloadStatus>> SubmitAsync(IReadOnlyList<WorkloadSpec> specs, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            ArgumentNullException.ThrowIfNull(spec, nameof(specs));
            SpecChecks.ThrowIfInvalidId(spec.Id);
            if (!ids.Add(spec.Id))
            {
                throw new ArgumentException($"Workload id \"{spec.Id}\" appears twice in the group.", nameof(specs));
            }
        }

        await EnsureInitializedAsync(cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var fresh = specs.Where(spec => !_entries.ContainsKey(spec.Id)).ToList();
            if (fresh.Count > 0)
            {
                SubmitLocked(fresh, specs.Count > 1);
            }
        }

        SaveChanged();
        return [.. specs.Select(spec => _entries.TryGetValue(spec.Id, out var entry) ? entry.Status : throw new InvalidOperationException($"Workload {spec.Id} was deleted while it was being submitted."))];
    }

    private void SubmitLocked(List<WorkloadSpec> specs, bool isGroup)
    {
        var groupId = isGroup ? Guid.NewGuid().ToString("N") : null;
        var now = _timeProvider.GetUtcNow();
        var unit = new List<WorkloadEntry>();
        foreach (var spec in specs)
        {
            var paths = new WorkloadPaths(Path.Combine(_root, spec.Id));
            ResetDirectory(paths);
            var entry = new WorkloadEntry(paths, new WorkloadState
            {
                Spec = spec,
                Sequence = _nextSequence++,
                GroupId = groupId,
                Phase = WorkloadPhase.Pending,
                SubmittedAt = now,
            });
            _entries[spec.Id] = entry;
            unit.Add(entry);
        }

        if (FindUnitProblem(unit) is { } problem)
        {
            foreach (var entry in unit)
            {
                var reason = problem.Reason;
                var message = problem.Member == entry || problem.Member is null ? problem.Message : $"group member {problem.Member.Id} cannot run: {problem.Message}";
                FinishLocked(entry, entry.State with { Phase = WorkloadPhase.Failed, Reason = reason, Message = message });
            }

            return;
        }

        // Not saved yet: admission saves each member once, as admitted, queued or failed, before the caller hears back.
        _queue.Enqueue(unit);
        AdmitLocked();
    }

    private (WorkloadEntry? Member, string Reason, string Message)? FindUnitProblem(List<WorkloadEntry> unit)
    {
        foreach (var entry in unit)
        {
            if (SpecChecks.FindProblem(entry.State.Spec) is { } problem)
            {
                return (entry, "Error", problem);
            }
        }

        var total = unit.Aggregate(default(Capacity), (sum, entry) => sum + Capacity.Of(entry.State.Spec.Resources));
        if (!total.FitsIn(_ledger.Node))
        {
            var subject = unit.Count > 1 ? "the group requests" : "requests";
            return (null, "Unschedulable", $"{subject} {total.DescribeExcess(_ledger.Node)}; it can never run on this node: lower the request or raise the setting.");
        }

        return null;
    }

    /// <summary>Leftovers of an earlier workload of the same id whose state was lost are not this workload's.</summary>
    private static void ResetDirectory(WorkloadPaths paths)
    {
        if (Directory.Exists(paths.Root))
        {
            Directory.Delete(paths.Root, recursive: true);
        }

        Directory.CreateDirectory(paths.Root);
    }
}
