using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.State;

namespace Sharpflow.Runtime.Local;

/// <summary>
/// One workload known to the runtime. Guarded by the runtime's lock, except <see cref="Status"/> and
/// <see cref="Latest"/>, which may be read without it, and the members <see cref="WriteGate"/> guards.
/// </summary>
internal sealed class WorkloadEntry(WorkloadPaths paths, WorkloadState state)
{
    private WorkloadState _state = state;
    private WorkloadStatus _status = state.ToStatus();
    private VersionedState _latest = new(state, 0);

    public string Id => State.Spec.Id;

    public WorkloadPaths Paths { get; } = paths;

    /// <summary>Set under the runtime's lock; also sets <see cref="Status"/> and a new version to save.</summary>
    public WorkloadState State
    {
        get => _state;
        set
        {
            _state = value;
            Volatile.Write(ref _status, value.ToStatus());
            Volatile.Write(ref _latest, new VersionedState(value, _latest.Version + 1));
        }
    }

    /// <summary>Orders the writes of <c>state.json</c>, which happen outside the runtime's lock.</summary>
    public Lock WriteGate { get; } = new();

    /// <summary>The version of the state last written to disk. Guarded by <see cref="WriteGate"/>.</summary>
    public long SavedVersion { get; set; }

    /// <summary>The latest state and its version, to write unless a newer one was written already.</summary>
    public VersionedState Latest => Volatile.Read(ref _latest);

    /// <summary>Deleted with its directory: nothing may be written for it any more. Guarded by <see cref="WriteGate"/>.</summary>
    public bool Deleted { get; set; }

    /// <summary>The reported status of <see cref="State"/>: immutable, so it may be read without the lock.</summary>
    public WorkloadStatus Status => Volatile.Read(ref _status);

    /// <summary>This server's supervisor started the process and has not reported its end yet; false for a re-adopted workload.</summary>
    public bool IsRunningChild { get; set; }

    /// <summary>The supervisor reported the end: <see cref="ChildExitCode"/> holds its status, when it could be collected.</summary>
    public bool ChildEnded { get; set; }

    /// <summary>The exit status the supervisor reported (128+n after signal n), also written to the exit-code file.</summary>
    public int? ChildExitCode { get; set; }

    /// <summary>Set from admission until its process has started (or failed to): it is Running, but has no pid yet.</summary>
    public TaskCompletionSource? Launching { get; set; }

    /// <summary>Completes when the workload has finished and its final status is recorded.</summary>
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
