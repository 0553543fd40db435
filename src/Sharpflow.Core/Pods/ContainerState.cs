namespace Sharpflow.Core.Pods;

/// <summary>Exactly one of the three is set.</summary>
public sealed record ContainerState
{
    public ContainerStateWaiting? Waiting { get; init; }

    public ContainerStateRunning? Running { get; init; }

    public ContainerStateTerminated? Terminated { get; init; }
}
