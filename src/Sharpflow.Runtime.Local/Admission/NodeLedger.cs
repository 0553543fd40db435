namespace Sharpflow.Runtime.Local.Admission;

/// <summary>What the node offers, what running workloads hold, and which GPU devices are taken. Not thread-safe.</summary>
internal sealed class NodeLedger
{
    private readonly bool[] _gpuTaken;
    private Capacity _used;

    public NodeLedger(Capacity node)
    {
        Node = node;
        _gpuTaken = new bool[node.Gpus];
    }

    public Capacity Node { get; }

    public Capacity Free => Node - _used;

    /// <summary>Takes the resources and picks free GPU devices, lowest numbers first.</summary>
    public IReadOnlyList<int> Reserve(Capacity request)
    {
        var devices = new List<int>();
        for (var i = 0; i < _gpuTaken.Length && devices.Count < request.Gpus; i++)
        {
            if (!_gpuTaken[i])
            {
                _gpuTaken[i] = true;
                devices.Add(i);
            }
        }

        _used += request;
        return devices;
    }

    /// <summary>Takes back what a re-adopted workload already holds, even past capacity (the settings may have shrunk).</summary>
    public void Restore(Capacity request, IEnumerable<int> devices)
    {
        foreach (var device in devices)
        {
            if (device >= 0 && device < _gpuTaken.Length)
            {
                _gpuTaken[device] = true;
            }
        }

        _used += request;
    }

    public void Release(Capacity request, IEnumerable<int> devices)
    {
        foreach (var device in devices)
        {
            if (device >= 0 && device < _gpuTaken.Length)
            {
                _gpuTaken[device] = false;
            }
        }

        _used -= request;
    }
}
