namespace Sharpflow.Core.Pods;

public sealed record ContainerStatus
{
    public required string Name { get; init; }

    public string? Image { get; init; }

    public bool Ready { get; init; }

    public bool? Started { get; init; }

    public int RestartCount { get; init; }

    public ContainerState? State { get; init; }

    /// <summary>How the previous attempt ended, once the container has restarted.</summary>
    public ContainerState? LastState { get; init; }
}
