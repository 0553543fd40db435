namespace Sharpflow.Pipelines.Ir;

/// <summary>
/// Container resources. The string forms (<c>resourceCpuLimit: "500m"</c>) are current and may hold input
/// placeholders; the numeric forms are deprecated (CPU cores, memory in GB).
/// </summary>
public sealed record ResourceSpec
{
    public string? ResourceCpuLimit { get; init; }

    public string? ResourceCpuRequest { get; init; }

    public string? ResourceMemoryLimit { get; init; }

    public string? ResourceMemoryRequest { get; init; }

    public double CpuLimit { get; init; }

    public double CpuRequest { get; init; }

    public double MemoryLimit { get; init; }

    public double MemoryRequest { get; init; }

    public AcceleratorConfig? Accelerator { get; init; }
}
