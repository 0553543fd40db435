namespace Sharpflow.Core.Workloads;

/// <summary>A container to run, in the terms of a Kubernetes container spec.</summary>
public sealed record WorkloadSpec
{
    /// <summary>Unique, caller-chosen, stable across retries of the same attempt (e.g. "default.my-job.worker-0").</summary>
    public required string Id { get; init; }

    public string? Image { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the process starts; null gives it a fresh directory of its own.</summary>
    public string? WorkingDir { get; init; }

    public ResourceRequests Resources { get; init; } = new();

    public IReadOnlyList<WorkloadPort> Ports { get; init; } = [];

    public IReadOnlyList<WorkloadVolume> Volumes { get; init; } = [];

    /// <summary>Who the workload belongs to (kind, namespace, name of the owning resource), for listing and clean-up.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
