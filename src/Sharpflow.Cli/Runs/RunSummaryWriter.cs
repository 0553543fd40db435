using Sharpflow.Api.Errors;
using Sharpflow.Client;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// What a watched run ended with, on stdout: its final state and duration, task counts, the pipeline outputs;
/// for a failed run each failed task with its error and the last lines of its log, and how to retry.
/// </summary>
internal sealed class RunSummaryWriter(SharpflowClient client, TextWriter writer)
{
    public const int LogLines = 20;

    public async Task WriteAsync(RunSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = snapshot.Run;
        writer.WriteLine($"Run {run.Name} {run.State} in {RunDuration.Format(run.Duration(now) ?? TimeSpan.Zero)}: {Counts(snapshot)}");
        if (run.Status.Error?.Message is { Length: > 0 } error)
        {
            writer.WriteLine($"Error: {error}");
        }

        RunOutputsWriter.Write(writer, run.Status.Outputs);
        foreach (var failed in snapshot.WorkTasks.Where(t => t.State == TaskExecutionState.Failed).OrderBy(t => t.FinishedAt))
        {
            await WriteFailedTaskAsync(failed, cancellationToken);
        }

        if (!run.Succeeded)
        {
            writer.WriteLine($"Retry the tasks that did not succeed with: sharpflow runs retry {run.Name} -n {run.Namespace}");
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>"3/4 tasks finished: 2 succeeded, 1 failed" (by state, work tasks only).</summary>
    public static string Counts(RunSnapshot snapshot)
    {
        var byState = snapshot.WorkTasks
            .GroupBy(t => t.State)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToName().ToLowerInvariant()}")
            .ToList();
        var counts = byState.Count == 0 ? string.Empty : ": " + string.Join(", ", byState);
        return $"{snapshot.Finished}/{snapshot.Total} tasks finished{counts}";
    }

    private async Task WriteFailedTaskAsync(TaskExecution task, CancellationToken cancellationToken)
    {
        writer.WriteLine();
        writer.WriteLine($"Failed task {TaskTree.DisplayPath(task)}: {task.Error ?? "no error recorded"}");
        if (task.WorkloadId is not { } workload)
        {
            return;
        }

        var lines = new List<string>();
        try
        {
            await foreach (var line in client.ReadWorkloadLogAsync(workload, new LogOptions { TailLines = LogLines }, cancellationToken))
            {
                lines.Add(line);
            }
        }
        catch (ResourceException e) when (e.Code == 404)
        {
            writer.WriteLine("  (its log is gone)");
            return;
        }

        writer.WriteLine(lines.Count == 0 ? "  (its log is empty)" : $"  Last lines of its log (sharpflow runs logs {task.RunName} {TaskTree.DisplayPath(task)} -n {task.Namespace}):");
        foreach (var line in lines)
        {
            writer.WriteLine("  | " + line);
        }
    }
}
