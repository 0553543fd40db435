namespace Sharpflow.Core.Workloads;

/// <summary>What a workload asks for: CPU in millicores, memory in bytes, whole GPUs. Zero asks for nothing.</summary>
public sealed record ResourceRequests
{
    public long CpuMillis { get; init; }

    public long MemoryBytes { get; init; }

    public int Gpus { get; init; }
}
