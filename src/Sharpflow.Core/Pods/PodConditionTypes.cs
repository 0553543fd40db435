namespace Sharpflow.Core.Pods;

public static class PodConditionTypes
{
    public const string PodScheduled = "PodScheduled";
    public const string Initialized = "Initialized";
    public const string ContainersReady = "ContainersReady";
    public const string Ready = "Ready";
}
