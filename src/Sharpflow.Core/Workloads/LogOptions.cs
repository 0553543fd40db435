namespace Sharpflow.Core.Workloads;

public sealed record LogOptions
{
    public bool Follow { get; init; }

    /// <summary>Only the last N lines; null for all.</summary>
    public int? TailLines { get; init; }
}
