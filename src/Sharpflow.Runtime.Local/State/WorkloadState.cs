using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.State;

/// <summary>What <c>state.json</c> holds: the spec, the reported status, and what a later server needs to find the process again.</summary>
internal sealed record WorkloadState
{
    public required WorkloadSpec Spec { get; init; }

    /// <summary>Submission order, for a FIFO queue that survives a restart.</summary>
    public long Sequence { get; init; }

    /// <summary>Shared by the members of a gang, which are admitted together.</summary>
    public string? GroupId { get; init; }

    public WorkloadPhase Phase { get; init; }

    public int? ExitCode { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<int> GpuDevices { get; init; } = [];

    /// <summary>The command's process, leader of the workload's session and process group.</summary>
    public int? Pid { get; init; }

    public int? ProcessGroupId { get; init; }

    /// <summary>Field 22 of <c>/proc/&lt;pid&gt;/stat</c> when it started: tells the same process from a reused pid.</summary>
    public ulong? ProcessStartTime { get; init; }

    /// <summary>Set once a stop was asked for, so the end is reported as "Stopped" even across a restart.</summary>
    public bool StopRequested { get; init; }

    /// <summary>Set once SIGKILL was sent after the grace period.</summary>
    public bool Killed { get; init; }

    public WorkloadStatus ToStatus() => new()
    {
        Id = Spec.Id,
        Phase = Phase,
        ExitCode = ExitCode,
        Reason = Reason,
        Message = Message,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        Host = StartedAt is null ? null : "127.0.0.1",
        Ports = Ports,
        Labels = Spec.Labels,
    };
}
