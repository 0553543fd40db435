namespace Sharpflow.Runtime.Local.Launch;

/// <summary>Everything needed to start a workload's process, resolved from its spec and the node settings.</summary>
internal sealed record LaunchPlan
{
    /// <summary>Absolute path of the program to run.</summary>
    public required string Executable { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>The complete environment; nothing else of the server's reaches the process.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required string WorkingDirectory { get; init; }

    public required string LogPath { get; init; }

    public required string ExitCodePath { get; init; }

    public required string ProcessPath { get; init; }
}
