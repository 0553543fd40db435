namespace Sharpflow.Runtime.Local.Supervision;

/// <summary>One line the server writes to the supervisor: start this command as a workload's process.</summary>
internal sealed record SpawnRequest
{
    /// <summary>Numbers the requests of one connection; the reports about the process carry it.</summary>
    public required long Sequence { get; init; }

    public required string Executable { get; init; }

    /// <summary>argv, the executable's own name first.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>NAME=value entries: the whole environment.</summary>
    public required IReadOnlyList<string> Environment { get; init; }

    public required string WorkingDirectory { get; init; }

    public required string LogPath { get; init; }

    public required string ExitCodePath { get; init; }

    /// <summary>Where the supervisor records "pid starttime" once the process runs.</summary>
    public required string ProcessPath { get; init; }
}
