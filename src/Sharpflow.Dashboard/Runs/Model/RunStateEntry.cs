namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>One entry of <c>status.stateHistory</c>.</summary>
public sealed record RunStateEntry(DateTimeOffset? UpdateTime, string State, string? Error);
