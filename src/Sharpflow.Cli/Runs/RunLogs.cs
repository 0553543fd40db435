using Sharpflow.Api.Errors;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Core.Executions;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// The logs of a run's container tasks. One container task prints its log as it is; a sub-DAG, a loop or the
/// whole run prints each container task's log with its path as a prefix, in start order. Following, each
/// task's log streams from the moment it starts until it ends, and the command ends with the run.
/// </summary>
internal sealed class RunLogs(RunClient runs, CliConsole console, TimeProvider time)
{
    private readonly Lock _output = new();

    public async Task PrintAsync(string runName, string? task, LogOptions options, CancellationToken cancellationToken)
    {
        if (options.Follow)
        {
            await FollowAsync(runName, task, options, cancellationToken);
            return;
        }

        var tasks = await runs.ListTasksAsync(runName, cancellationToken);
        var selected = task is null ? null : TaskSelector.Find(tasks, runName, task);
        if (selected is not null && Note(selected) is { } note)
        {
            console.Error.WriteLine(note);
            return;
        }

        var prefix = selected?.Kind != TaskExecutionKind.Container;
        foreach (var container in Containers(tasks, selected).Where(t => t.WorkloadId is not null).OrderBy(t => t.StartedAt))
        {
            await CopyAsync(container, prefix, options, cancellationToken);
        }
    }

    private async Task FollowAsync(string runName, string? task, LogOptions options, CancellationToken cancellationToken)
    {
        var readers = new Dictionary<string, Task>(StringComparer.Ordinal);
        TaskExecution? selected = null;
        RunSnapshot? last = null;
        try
        {
            await foreach (var snapshot in new RunMonitor(runs, time).FollowAsync(runName, null, cancellationToken))
            {
                last = snapshot;
                selected = task is null ? null : TaskSelector.TryFind(snapshot.Tasks, runName, task);
                if (task is not null && selected is null)
                {
                    continue;
                }

                var prefix = selected?.Kind != TaskExecutionKind.Container;
                foreach (var container in Containers(snapshot.Tasks, selected).Where(t => t.WorkloadId is not null).OrderBy(t => t.StartedAt))
                {
                    if (!readers.ContainsKey(container.WorkloadId!))
                    {
                        readers[container.WorkloadId!] = CopyAsync(container, prefix, options, cancellationToken);
                    }
                }

                // One task's log ends with the task (after its last attempt), not with the whole run.
                if (selected is { Kind: not (TaskExecutionKind.Root or TaskExecutionKind.Dag or TaskExecutionKind.Loop or TaskExecutionKind.Iteration) }
                    && selected.State.IsFinal())
                {
                    break;
                }
            }

            await Task.WhenAll(readers.Values);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupting a follow is how it normally ends.
            return;
        }

        if (task is not null && selected is null)
        {
            throw TaskSelector.NotFound(last?.Tasks ?? [], runName, task);
        }

        if (selected is not null && readers.Count == 0 && Note(selected) is { } note)
        {
            console.Error.WriteLine(note);
        }
    }

    /// <summary>The container tasks at or below <paramref name="selected"/> (all of them without one).</summary>
    private static IEnumerable<TaskExecution> Containers(IReadOnlyList<TaskExecution> tasks, TaskExecution? selected) =>
        tasks.Where(t => t.Kind == TaskExecutionKind.Container
            && (selected is null || t.Id == selected.Id || t.TaskPath.StartsWith(selected.TaskPath + "/", StringComparison.Ordinal)));

    /// <summary>Why a selected task has no log to print, or null when it has one.</summary>
    private static string? Note(TaskExecution task) => task switch
    {
        { Kind: TaskExecutionKind.Importer } => $"task {TaskTree.DisplayPath(task)} is an importer: it runs no process, so it has no log",
        { Kind: not TaskExecutionKind.Container } => null,
        { WorkloadId: not null } => null,
        { State: TaskExecutionState.Cached } => $"task {TaskTree.DisplayPath(task)} was CACHED: it reused the outputs of an earlier run and did not run, so it has no log",
        { State: TaskExecutionState.Pending or TaskExecutionState.Running } => $"task {TaskTree.DisplayPath(task)} has not started yet ({task.State.ToName()}); add -f to wait for its log",
        _ => $"task {TaskTree.DisplayPath(task)} did not run ({task.State.ToName()}{(task.Error is { } e ? ": " + TaskTreeView.OneLine(e) : string.Empty)}), so it has no log",
    };

    private async Task CopyAsync(TaskExecution task, bool prefix, LogOptions options, CancellationToken cancellationToken)
    {
        var label = prefix ? $"[{TaskTree.DisplayPath(task)}] " : string.Empty;
        try
        {
            await foreach (var line in runs.Client.ReadWorkloadLogAsync(task.WorkloadId!, options, cancellationToken))
            {
                lock (_output)
                {
                    console.Out.WriteLine(label + line);
                    console.Out.Flush();
                }
            }
        }
        catch (ResourceException e) when (e.Code == 404)
        {
            // The workload's log is gone (its run is being deleted): nothing more to print for it.
        }
    }
}
