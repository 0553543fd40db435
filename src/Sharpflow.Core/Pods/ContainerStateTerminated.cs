namespace Sharpflow.Core.Pods;

public sealed record ContainerStateTerminated
{
    public int ExitCode { get; init; }

    /// <summary>"Completed", "Error", "Stopped", "DeadlineExceeded", ...</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
