namespace Sharpflow.Core.Workloads;

/// <summary>A host directory made available at <see cref="MountPath"/> (locally: a symlink or an environment variable).</summary>
public sealed record WorkloadVolume(string Name, string HostPath, string MountPath, bool ReadOnly = false);
