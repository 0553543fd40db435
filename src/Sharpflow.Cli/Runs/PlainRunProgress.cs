using Sharpflow.Core.Executions;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Progress as plain lines, one per change of the run's state or of a task's state, for logs and pipes where a
/// live display cannot redraw: <c>[00:03] exit-handler-1/fail-op FAILED 0.4s: the process exited with code 1</c>.
/// </summary>
internal sealed class PlainRunProgress(TextWriter writer)
{
    private readonly Dictionary<string, (TaskExecutionState State, int Attempts)> _states = new(StringComparer.Ordinal);
    private string? _runState;

    public void Show(RunSnapshot snapshot, DateTimeOffset now)
    {
        var stamp = $"[{RunDuration.Clock(RunProgressView.Elapsed(snapshot.Run, now))}]";
        var run = snapshot.Run;
        var runChanged = run.State != _runState;
        _runState = run.State;
        if (runChanged && !run.IsFinished)
        {
            writer.WriteLine($"{stamp} run {run.Name} {run.State}");
        }

        var changed = snapshot.Tasks
            .Where(t => t.Kind != TaskExecutionKind.Root && (!_states.TryGetValue(t.Id, out var previous) || previous != (t.State, t.Attempts)))
            .OrderBy(t => t.FinishedAt ?? t.StartedAt ?? t.CreatedAt)
            .ThenBy(t => t.TaskPath, StringComparer.Ordinal)
            .ToList();
        foreach (var task in changed)
        {
            _states[task.Id] = (task.State, task.Attempts);
            writer.WriteLine($"{stamp} {TaskTree.DisplayPath(task)} {task.State.ToName()}{Details(task, now)}");
        }

        if (runChanged && run.IsFinished)
        {
            writer.WriteLine($"{stamp} run {run.Name} {run.State}");
        }

        writer.Flush();
    }

    private static string Details(TaskExecution task, DateTimeOffset now)
    {
        var details = task.Attempts > 1 ? $" (attempt {task.Attempts})" : string.Empty;
        if (task.State == TaskExecutionState.Cached)
        {
            details += " (cached)";
        }
        else if (task.State.IsFinal() && TaskTreeView.TaskDuration(task, now) is { } duration)
        {
            details += " " + RunDuration.Format(duration);
        }

        if (task.Error is { Length: > 0 } error && task.State is TaskExecutionState.Failed or TaskExecutionState.Skipped or TaskExecutionState.Canceled)
        {
            details += ": " + TaskTreeView.OneLine(error);
        }

        return details;
    }
}
