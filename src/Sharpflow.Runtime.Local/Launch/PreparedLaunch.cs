using Sharpflow.Runtime.Local.Admission;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>A workload whose resources and ports are reserved and whose process is ready to start.</summary>
internal sealed record PreparedLaunch(
    WorkloadEntry Entry,
    Capacity Request,
    IReadOnlyList<int> GpuDevices,
    IReadOnlyList<KeyValuePair<string, int>> Ports,
    LaunchPlan Plan);
