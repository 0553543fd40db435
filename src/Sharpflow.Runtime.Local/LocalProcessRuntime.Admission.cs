using Sharpflow.Runtime.Local.Admission;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    /// <summary>
    /// Starts queued units from the head while they fit the free capacity (strict FIFO: a unit that does not fit
    /// holds back everything behind it), then tells each waiting workload why it waits.
    /// </summary>
    private void AdmitLocked()
    {
        // A disposed runtime starts nothing more: what waits stays queued (and saved) for the next one.
        if (_disposed)
        {
            return;
        }

        while (_queue.Head is { } head && Total(head).FitsIn(_ledger.Free))
        {
            _queue.DequeueHead();
            LaunchUnitLocked(head);
        }

        var position = 0;
        foreach (var unit in _queue.Units)
        {
            var need = Total(unit);
            var (reason, message) = need.FitsIn(_ledger.Free)
                ? ("Queued", $"fits, but waits behind {position} earlier submission(s) in the first-in-first-out admission queue.")
                : ("Unschedulable", Describe(need, unit.Count, position));
            foreach (var entry in unit)
            {
                if (entry.State.Reason != reason || entry.State.Message != message)
                {
                    UpdateLocked(entry, entry.State with { Reason = reason, Message = message });
                    LogQueued(entry.Id, message);
                }
            }

            position++;
        }
    }

    private string Describe(Capacity need, int members, int position)
    {
        var subject = members > 1 ? $"the group of {members} " : string.Empty;
        var behind = position > 0 ? $"; {position} earlier submission(s) wait ahead of it" : string.Empty;
        return $"{subject}{need.DescribeShortage(_ledger.Free)}{behind}.";
    }

    private static Capacity Total(IReadOnlyList<WorkloadEntry> unit) =>
        unit.Aggregate(default(Capacity), (sum, entry) => sum + Capacity.Of(entry.State.Spec.Resources));
}
