using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Admission;

/// <summary>An amount of node resources: millicores, bytes, whole GPUs.</summary>
internal readonly record struct Capacity(long CpuMillis, long MemoryBytes, int Gpus)
{
    public static Capacity Of(ResourceRequests requests) => new(requests.CpuMillis, requests.MemoryBytes, requests.Gpus);

    public static Capacity operator +(Capacity left, Capacity right) =>
        new(left.CpuMillis + right.CpuMillis, left.MemoryBytes + right.MemoryBytes, left.Gpus + right.Gpus);

    public static Capacity operator -(Capacity left, Capacity right) =>
        new(left.CpuMillis - right.CpuMillis, left.MemoryBytes - right.MemoryBytes, left.Gpus - right.Gpus);

    public bool FitsIn(Capacity available) =>
        CpuMillis <= available.CpuMillis && MemoryBytes <= available.MemoryBytes && Gpus <= available.Gpus;

    /// <summary>"needs 4000m CPU, 2000m free; needs 2 GPUs, 0 free" for each resource short of <paramref name="available"/>.</summary>
    public string DescribeShortage(Capacity available)
    {
        var parts = new List<string>();
        if (CpuMillis > available.CpuMillis)
        {
            parts.Add($"needs {Quantities.Cpu(CpuMillis)} CPU, {Quantities.Cpu(Math.Max(0, available.CpuMillis))} free");
        }

        if (MemoryBytes > available.MemoryBytes)
        {
            parts.Add($"needs {Quantities.Memory(MemoryBytes)} memory, {Quantities.Memory(Math.Max(0, available.MemoryBytes))} free");
        }

        if (Gpus > available.Gpus)
        {
            parts.Add($"needs {Gpus} GPU(s), {Math.Max(0, available.Gpus)} free");
        }

        return string.Join("; ", parts);
    }

    /// <summary>Why a request can never fit a node of <paramref name="node"/> capacity, naming the setting to raise.</summary>
    public string DescribeExcess(Capacity node)
    {
        var parts = new List<string>();
        if (CpuMillis > node.CpuMillis)
        {
            parts.Add($"{Quantities.Cpu(CpuMillis)} CPU but the node has {Quantities.Cpu(node.CpuMillis)} in total (LocalRuntime:CpuMillis)");
        }

        if (MemoryBytes > node.MemoryBytes)
        {
            parts.Add($"{Quantities.Memory(MemoryBytes)} memory but the node has {Quantities.Memory(node.MemoryBytes)} in total (LocalRuntime:MemoryBytes)");
        }

        if (Gpus > node.Gpus)
        {
            parts.Add($"{Gpus} GPU(s) but the node has {node.Gpus} (LocalRuntime:Gpus)");
        }

        return string.Join("; ", parts);
    }
}
