using Sharpflow.Core.Executions;
using Spectre.Console;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// A run's task tree as a Spectre <see cref="Tree"/>: each task with a state glyph and colour, its state,
/// duration, a cached mark, its attempts when retried, and why it failed or was skipped.
/// </summary>
internal static class TaskTreeView
{
    private const int MaxErrorLength = 160;

    /// <param name="frame">Turns running tasks' spinner (live display); null shows a fixed glyph.</param>
    /// <param name="maxIterations">Shows at most this many iterations of a loop, unfinished and failed ones first; null shows all.</param>
    public static Tree Build(RunSnapshot snapshot, DateTimeOffset now, int? frame = null, int? maxIterations = null)
    {
        var run = snapshot.Run;
        var duration = run.Duration(now) is { } d ? $"  [grey]{RunDuration.Format(d)}[/]" : string.Empty;
        var title = $"[bold]{Markup.Escape(run.Name)}[/] [grey]pipeline {Markup.Escape(run.PipelineName)}[/]  "
            + $"[{TaskStateStyle.RunColor(run.State)}]{run.State}[/]{duration}";
        var tree = new Tree(new Markup(title)) { Guide = TreeGuide.Line };
        if (TaskTree.Build(snapshot.Tasks) is { } root)
        {
            AddChildren(tree, root, now, frame, maxIterations);
        }

        return tree;
    }

    public static string Label(TaskExecution task, DateTimeOffset now, int? frame = null)
    {
        var color = TaskStateStyle.Color(task.State);
        var text = $"[{color}]{TaskStateStyle.Glyph(task.State, frame)}[/] {Markup.Escape(TaskTree.Label(task))}  [{color}]{task.State.ToName()}[/]";
        if (task.State != TaskExecutionState.Cached && TaskDuration(task, now) is { } duration)
        {
            text += $"  [grey]{RunDuration.Format(duration)}[/]";
        }

        if (task.State == TaskExecutionState.Cached)
        {
            text += "  [cyan](cached)[/]";
        }

        if (task.Attempts > 1)
        {
            text += $"  [grey](attempt {task.Attempts})[/]";
        }

        if (task.Error is { Length: > 0 } error && task.State is TaskExecutionState.Failed or TaskExecutionState.Skipped or TaskExecutionState.Canceled)
        {
            text += $"  [{(task.State == TaskExecutionState.Failed ? "red" : "grey")}]{Markup.Escape(OneLine(error))}[/]";
        }

        return text;
    }

    public static TimeSpan? TaskDuration(TaskExecution task, DateTimeOffset now) =>
        task.StartedAt is { } started && (task.FinishedAt is not null || task.State == TaskExecutionState.Running)
            ? (task.FinishedAt ?? now) - started
            : null;

    public static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxErrorLength ? line : line[..(MaxErrorLength - 1)] + "…";
    }

    private static void AddChildren(IHasTreeNodes parent, TaskNode node, DateTimeOffset now, int? frame, int? maxIterations)
    {
        var children = node.Children;
        IReadOnlyList<TaskNode> hidden = [];
        if (node.Task.Kind == TaskExecutionKind.Loop && maxIterations is { } max && children.Count > max)
        {
            var shown = children.Where(c => !c.Task.State.HasOutputs()).Take(max).ToHashSet();
            hidden = [.. children.Where(c => !shown.Contains(c))];
            children = [.. children.Where(shown.Contains)];
        }

        foreach (var child in children)
        {
            AddChildren(parent.AddNode(new Markup(Label(child.Task, now, frame))), child, now, frame, maxIterations);
        }

        if (hidden.Count > 0)
        {
            var counts = hidden.GroupBy(c => c.Task.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToName().ToLowerInvariant()}");
            parent.AddNode(new Markup($"[grey]… {(children.Count == 0 ? string.Empty : "and ")}{hidden.Count} iterations: {string.Join(", ", counts)}[/]"));
        }
    }
}
