namespace Sharpflow.Runtime.Local.Admission;

/// <summary>
/// Pending workloads in strict FIFO order. A unit is one workload or a whole gang; only the head unit may be
/// admitted, so a large head (a gang, typically) is never starved by smaller submissions behind it. Not thread-safe.
/// </summary>
internal sealed class AdmissionQueue
{
    private readonly LinkedList<List<WorkloadEntry>> _units = new();

    public int Count => _units.Count;

    public IEnumerable<IReadOnlyList<WorkloadEntry>> Units => _units;

    public IReadOnlyList<WorkloadEntry>? Head => _units.First?.Value;

    public void Enqueue(IEnumerable<WorkloadEntry> unit) => _units.AddLast([.. unit]);

    public void DequeueHead() => _units.RemoveFirst();

    /// <summary>Takes one workload out of its unit (a stopped gang member); the rest of the unit stays queued.</summary>
    public bool Remove(WorkloadEntry entry)
    {
        for (var node = _units.First; node is not null; node = node.Next)
        {
            if (node.Value.Remove(entry))
            {
                if (node.Value.Count == 0)
                {
                    _units.Remove(node);
                }

                return true;
            }
        }

        return false;
    }
}
