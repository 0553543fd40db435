using System.Text.Json.Nodes;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary><c>status.tasks</c>: the run's container and importer tasks known so far, by state.</summary>
public sealed record RunTaskCounts
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

    public double Percent => Total == 0 ? 0 : 100.0 * Done / Total;

    public static RunTaskCounts From(JsonNode? tasks) => new()
    {
        Total = JsonRead.Int(tasks, "total"),
        Pending = JsonRead.Int(tasks, "pending"),
        Running = JsonRead.Int(tasks, "running"),
        Succeeded = JsonRead.Int(tasks, "succeeded"),
        Cached = JsonRead.Int(tasks, "cached"),
        Skipped = JsonRead.Int(tasks, "skipped"),
        Failed = JsonRead.Int(tasks, "failed"),
        Canceled = JsonRead.Int(tasks, "canceled"),
    };
}
