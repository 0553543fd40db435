namespace Sharpflow.Core.Events;

/// <summary>
/// Something that happened to an object, as Kubernetes Events record it: repeated identical events
/// (same object, type, reason and message) are folded into one with a count and first/last times.
/// </summary>
public sealed record ResourceEvent
{
    public long Id { get; init; }

    public required InvolvedObject InvolvedObject { get; init; }

    /// <summary>"Normal" or "Warning".</summary>
    public required string Type { get; init; }

    public required string Reason { get; init; }

    public required string Message { get; init; }

    public int Count { get; init; } = 1;

    public DateTimeOffset FirstTimestamp { get; init; }

    public DateTimeOffset LastTimestamp { get; init; }

    /// <summary>The component that reported it, e.g. "pytorchjob-controller".</summary>
    public string? Source { get; init; }
}
