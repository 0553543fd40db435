namespace Sharpflow.Runtime.Local.Supervision;

/// <summary>
/// One line the supervisor writes back: the process of request <see cref="Sequence"/> started (with its pid and
/// /proc start time), could not start (<see cref="Error"/>), or exited (<see cref="ExitCode"/>, 128+n after signal n).
/// A request gets "started" or "failed" first, then, once started, "exited".
/// </summary>
internal sealed record SupervisorReport
{
    public const string Started = "started";
    public const string Failed = "failed";
    public const string Exited = "exited";

    public required string Kind { get; init; }

    public required long Sequence { get; init; }

    public int Pid { get; init; }

    public ulong? StartTime { get; init; }

    public int? ExitCode { get; init; }

    public string? Error { get; init; }
}
