using System.Diagnostics;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local;

/// <summary>One workload known to the runtime. Guarded by the runtime's lock.</summary>
internal sealed class WorkloadEntry(WorkloadPaths paths, WorkloadState state)
{
    public string Id => State.Spec.Id;

    public WorkloadPaths Paths { get; } = paths;

    public WorkloadState State { get; set; } = state;

    /// <summary>The wrapper process while this server's child runs; null for a re-adopted or finished workload.</summary>
    public Process? Process { get; set; }

    /// <summary>The wrapper's own exit status, once its Exited event came (this server started it).</summary>
    public int? WrapperExitCode { get; set; }

    /// <summary>Completes when the workload has finished and its final status is recorded.</summary>
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
