using System.Text.Json.Serialization;

namespace Sharpflow.Core.Pods;

/// <summary>The part of a Kubernetes PodSpec that runs locally; other fields are kept in the stored object but ignored.</summary>
public sealed record PodSpec
{
    /// <summary>Only the first container runs; Sharpflow pods are single-container workloads.</summary>
    public IReadOnlyList<PodContainer> Containers { get; init; } = [];

    /// <summary>"Always" (the default, as in Kubernetes), "OnFailure" or "Never".</summary>
    public string? RestartPolicy { get; init; }

    /// <summary>Seconds the pod may be active (from its start time) before it is stopped and failed.</summary>
    public long? ActiveDeadlineSeconds { get; init; }

    /// <summary>Seconds between the stop signal and the kill on deletion; 30 when unset.</summary>
    public long? TerminationGracePeriodSeconds { get; init; }

    [JsonIgnore]
    public string EffectiveRestartPolicy => RestartPolicy ?? RestartPolicies.Always;

    [JsonIgnore]
    public TimeSpan TerminationGracePeriod => TimeSpan.FromSeconds(TerminationGracePeriodSeconds ?? 30);
}
