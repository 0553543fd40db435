using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sharpflow.Cli.Runs;

/// <summary>What the live display shows: the task tree, then a progress bar of finished tasks and the elapsed time.</summary>
internal static class RunProgressView
{
    private const int BarWidth = 40;

    /// <summary>Loops show this many iterations at most, so that a wide fan-out does not push the rest off the screen.</summary>
    private const int MaxIterations = 8;

    public static IRenderable Build(RunSnapshot snapshot, DateTimeOffset now, int frame)
    {
        var rows = new List<IRenderable> { TaskTreeView.Build(snapshot, now, frame, MaxIterations) };
        if (snapshot.Run.Status.Error?.Message is { Length: > 0 } error && !snapshot.Run.IsFinished)
        {
            rows.Add(new Markup($"[yellow]{Markup.Escape(TaskTreeView.OneLine(error))}[/]"));
        }

        rows.Add(new Markup(Bar(snapshot, now)));
        return new Rows(rows);
    }

    public static string Bar(RunSnapshot snapshot, DateTimeOffset now)
    {
        var total = snapshot.Total;
        var finished = snapshot.Finished;
        var filled = total == 0 ? 0 : (int)Math.Round(BarWidth * (double)finished / total);
        var failed = snapshot.WorkTasks.Any(t => t.State == Core.Executions.TaskExecutionState.Failed);
        var color = failed ? "red" : "green";
        var elapsed = Elapsed(snapshot.Run, now);
        return $"[{color}]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/] {finished}/{total} tasks  [grey]{RunDuration.Clock(elapsed)}[/]";
    }

    /// <summary>Time since the run was submitted, up to its end.</summary>
    public static TimeSpan Elapsed(RunView run, DateTimeOffset now)
    {
        var start = run.CreatedAt ?? now;
        var end = run.IsFinished ? run.Status.FinishedAt ?? now : now;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
