using Sharpflow.Api.Errors;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Core.Executions;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Finds the task a user named: by path ("exit-handler-1/fail-op", "for-loop-1/2/train", with or without
/// "root/"), else by task name when only one task has it.
/// </summary>
internal static class TaskSelector
{
    /// <summary>The task, or null when none matches (yet).</summary>
    /// <exception cref="UsageException">The name matches several tasks (of loop iterations, say).</exception>
    public static TaskExecution? TryFind(IReadOnlyList<TaskExecution> tasks, string runName, string text)
    {
        var trimmed = text.Trim('/');
        var byPath = tasks.FirstOrDefault(t => t.TaskPath == trimmed || TaskTree.DisplayPath(t) == trimmed);
        if (byPath is not null)
        {
            return byPath;
        }

        var byName = tasks.Where(t => t.Kind != TaskExecutionKind.Root && t.TaskName == trimmed).ToList();
        return byName.Count switch
        {
            0 => null,
            1 => byName[0],
            _ => throw new UsageException(
                $"\"{text}\" names {byName.Count} tasks of run {runName}; give one by its path: {string.Join(", ", byName.Select(TaskTree.DisplayPath))}"),
        };
    }

    /// <exception cref="ResourceException">404 when no task matches, listing the run's tasks.</exception>
    public static TaskExecution Find(IReadOnlyList<TaskExecution> tasks, string runName, string text) =>
        TryFind(tasks, runName, text) ?? throw NotFound(tasks, runName, text);

    public static ResourceException NotFound(IReadOnlyList<TaskExecution> tasks, string runName, string text)
    {
        var known = tasks.Where(t => t.Kind is TaskExecutionKind.Container or TaskExecutionKind.Importer).Select(TaskTree.DisplayPath).ToList();
        var list = known.Count == 0 ? "it has no tasks yet" : "its tasks are " + string.Join(", ", known);
        return ResourceException.NotFound($"run {runName} has no task \"{text}\"; {list}");
    }
}
