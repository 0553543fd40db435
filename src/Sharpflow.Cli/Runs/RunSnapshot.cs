using Sharpflow.Core.Executions;

namespace Sharpflow.Cli.Runs;

/// <summary>A run and its task executions as read at one moment.</summary>
internal sealed record RunSnapshot(RunView Run, IReadOnlyList<TaskExecution> Tasks)
{
    /// <summary>Container and importer tasks: the ones that do work (loop iterations count each).</summary>
    public IEnumerable<TaskExecution> WorkTasks => Tasks.Where(t => t.Kind is TaskExecutionKind.Container or TaskExecutionKind.Importer);

    public int Finished => WorkTasks.Count(t => t.State.IsFinal());

    /// <summary>Work tasks known so far (the engine learns of a sub-DAG's tasks as it reaches them).</summary>
    public int Total => Math.Max(WorkTasks.Count(), Run.Status.Tasks?.Total ?? 0);
}
