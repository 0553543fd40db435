using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local;

/// <summary>One workload known to the runtime. Guarded by the runtime's lock.</summary>
internal sealed class WorkloadEntry(WorkloadPaths paths, WorkloadState state)
{
    private WorkloadState _state = state;
    private WorkloadStatus _status = state.ToStatus();

    public string Id => State.Spec.Id;

    public WorkloadPaths Paths { get; } = paths;

    /// <summary>Set under the runtime's lock; also sets <see cref="Status"/>.</summary>
    public WorkloadState State
    {
        get => _state;
        set
        {
            _state = value;
            Volatile.Write(ref _status, value.ToStatus());
        }
    }

    /// <summary>The reported status of <see cref="State"/>: immutable, so it may be read without the lock.</summary>
    public WorkloadStatus Status => Volatile.Read(ref _status);

    /// <summary>This server started the wrapper and has not been told yet that it ended; false for a re-adopted workload.</summary>
    public bool IsRunningChild { get; set; }

    /// <summary>This server's child ended: <see cref="WrapperExitCode"/> holds its status, when it could be collected.</summary>
    public bool ChildEnded { get; set; }

    /// <summary>The wrapper's own exit status (128+n after signal n), once its end was reported (this server started it).</summary>
    public int? WrapperExitCode { get; set; }

    /// <summary>Set from admission until its process has started (or failed to): it is Running, but has no pid yet.</summary>
    public TaskCompletionSource? Launching { get; set; }

    /// <summary>Completes when the workload has finished and its final status is recorded.</summary>
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
