namespace Sharpflow.Pipelines.Resources;

/// <summary>Counts of a run's container and importer tasks by state (loop iterations count each task they ran).</summary>
public sealed record RunTaskSummary
{
    public int Total { get; init; }

    public int Pending { get; init; }

    public int Running { get; init; }

    public int Succeeded { get; init; }

    public int Cached { get; init; }

    public int Skipped { get; init; }

    public int Failed { get; init; }

    public int Canceled { get; init; }

    /// <summary>Tasks in a final state.</summary>
    public int Done => Succeeded + Cached + Skipped + Failed + Canceled;
}
