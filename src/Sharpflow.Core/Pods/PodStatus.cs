using System.Text.Json.Serialization;
using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Pods;

public sealed record PodStatus
{
    /// <summary>One of <see cref="PodPhases"/>.</summary>
    public string? Phase { get; init; }

    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>Why the pod is in this phase when it is not obvious, e.g. "DeadlineExceeded".</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>Where the container listens: "127.0.0.1" locally.</summary>
    public string? PodIP { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public IReadOnlyList<ContainerStatus>? ContainerStatuses { get; init; }

    /// <summary>Sharpflow extension: port name (or number) to the host port actually allocated.</summary>
    public IReadOnlyDictionary<string, int>? Ports { get; init; }

    /// <summary>Sharpflow extension: the id of the workload running the current attempt.</summary>
    public string? WorkloadId { get; init; }

    public long? ObservedGeneration { get; init; }

    /// <summary>The status of the first (the running) container, if any.</summary>
    [JsonIgnore]
    public ContainerStatus? MainContainer => ContainerStatuses is { Count: > 0 } statuses ? statuses[0] : null;
}
