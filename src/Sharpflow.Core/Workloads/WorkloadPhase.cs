namespace Sharpflow.Core.Workloads;

public enum WorkloadPhase
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Unknown,
}
