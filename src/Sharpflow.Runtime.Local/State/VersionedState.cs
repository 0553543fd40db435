namespace Sharpflow.Runtime.Local.State;

/// <summary>A workload's state with a number that grows with each change, so that an older state never overwrites a newer one on disk.</summary>
internal sealed record VersionedState(WorkloadState State, long Version);
