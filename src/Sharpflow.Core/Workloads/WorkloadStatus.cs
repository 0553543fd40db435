namespace Sharpflow.Core.Workloads;

public sealed record WorkloadStatus
{
    public required string Id { get; init; }

    public required WorkloadPhase Phase { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>A CamelCase word: "Admitted", "Unschedulable", "Completed", "Error", "Stopped", "Lost", "Killed".</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Where the workload is reachable ("127.0.0.1" locally, the pod IP on Kubernetes).</summary>
    public string? Host { get; init; }

    /// <summary>Port name to the port actually allocated.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public bool IsFinished => Phase is WorkloadPhase.Succeeded or WorkloadPhase.Failed;
}
