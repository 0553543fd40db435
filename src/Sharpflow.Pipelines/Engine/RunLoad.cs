namespace Sharpflow.Pipelines.Engine;

/// <summary>The outcome of preparing a run: its context, or why it must wait (its pipeline version is missing), or why it cannot run.</summary>
internal sealed record RunLoad
{
    public RunContext? Context { get; init; }

    public string? Waiting { get; init; }

    public string? Failure { get; init; }
}
