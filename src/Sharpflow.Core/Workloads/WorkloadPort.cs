namespace Sharpflow.Core.Workloads;

/// <summary>A port the workload listens on. Locally a free 127.0.0.1 port is allocated and reported in status.</summary>
public sealed record WorkloadPort(string Name, int ContainerPort);
