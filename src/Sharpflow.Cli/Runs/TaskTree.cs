using Sharpflow.Core.Executions;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Builds the tree of a run's executions from their parent ids: sub-DAGs and loops hold their tasks, loops
/// their iterations. Iterations are in index order; other siblings in the order they became known.
/// </summary>
internal static class TaskTree
{
    public const string RootPath = "root";

    /// <summary>The root DAG's node, or null before the engine recorded it.</summary>
    public static TaskNode? Build(IReadOnlyList<TaskExecution> tasks)
    {
        var root = tasks.FirstOrDefault(t => t.Kind == TaskExecutionKind.Root) ?? tasks.FirstOrDefault(t => t.ParentId is null);
        if (root is null)
        {
            return null;
        }

        var ids = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var children = tasks
            .Where(t => t.Id != root.Id)
            .ToLookup(t => t.ParentId is { } parent && ids.Contains(parent) ? parent : root.Id, StringComparer.Ordinal);
        return Node(root, children);
    }

    /// <summary>A task's path as users give it: "exit-handler-1/fail-op", "for-loop-1/2/train" (no "root/").</summary>
    public static string DisplayPath(TaskExecution task) =>
        task.TaskPath.StartsWith(RootPath + "/", StringComparison.Ordinal) ? task.TaskPath[(RootPath.Length + 1)..] : task.TaskPath;

    /// <summary>How a node reads in the tree: the task name, "iteration 2" for a loop iteration.</summary>
    public static string Label(TaskExecution task) =>
        task.Kind == TaskExecutionKind.Iteration && task.IterationIndex is { } index ? $"iteration {index}" : task.TaskName;

    private static TaskNode Node(TaskExecution task, ILookup<string, TaskExecution> children) =>
        new(task, [.. children[task.Id]
            .OrderBy(c => c.IterationIndex ?? int.MaxValue)
            .ThenBy(c => c.CreatedAt)
            .ThenBy(c => c.TaskName, StringComparer.Ordinal)
            .Select(c => Node(c, children))]);
}
