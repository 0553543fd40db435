namespace Sharpflow.Core.Pods;

public sealed record ContainerStateWaiting
{
    /// <summary>"ContainerCreating", "Unschedulable" or "CrashLoopBackOff".</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }
}
