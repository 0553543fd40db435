namespace Sharpflow.Pipelines.Resources;

public sealed record RecurringRunStatus
{
    /// <summary>"ENABLED" or "DISABLED".</summary>
    public string? Status { get; init; }

    /// <summary>The latest time slot a run was created for.</summary>
    public DateTimeOffset? LastScheduledTime { get; init; }

    /// <summary>The next time slot, when one is ahead.</summary>
    public DateTimeOffset? NextScheduledTime { get; init; }

    /// <summary>Runs created so far.</summary>
    public int RunsCreated { get; init; }

    /// <summary>Why no run can be created (e.g. the concurrency limit is reached), in words.</summary>
    public string? Message { get; init; }

    public long ObservedGeneration { get; init; }
}
