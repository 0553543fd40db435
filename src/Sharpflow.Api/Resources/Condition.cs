namespace Sharpflow.Api.Resources;

/// <summary>A status condition as Kubernetes writes it (<c>status</c> is "True", "False" or "Unknown").</summary>
public sealed record Condition
{
    public required string Type { get; init; }

    public required string Status { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public long? ObservedGeneration { get; init; }
}
