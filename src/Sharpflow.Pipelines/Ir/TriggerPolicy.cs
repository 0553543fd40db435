namespace Sharpflow.Pipelines.Ir;

/// <summary>When a task runs: its upstream must satisfy <see cref="Strategy"/>, then <see cref="Condition"/> must hold.</summary>
public sealed record TriggerPolicy
{
    /// <summary>A CEL expression over the task's executor input; false means the task is skipped.</summary>
    public string? Condition { get; init; }

    public TriggerStrategy Strategy { get; init; }
}
