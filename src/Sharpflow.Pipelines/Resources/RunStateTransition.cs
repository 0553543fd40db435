namespace Sharpflow.Pipelines.Resources;

/// <summary>An entry of <c>status.stateHistory</c> (KFP's <c>RuntimeStatus</c>).</summary>
public sealed record RunStateTransition
{
    public DateTimeOffset UpdateTime { get; init; }

    public string? State { get; init; }

    public RunError? Error { get; init; }
}
