using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// One execution in a run's in-memory tree: the root, a task of some DAG instance, or a loop iteration.
/// Kind-specific progress hangs off <see cref="Body"/> (DAGs and iterations), <see cref="Loop"/> and
/// <see cref="Container"/>; <see cref="Record"/> is what was last saved for it.
/// </summary>
internal sealed class ExecutionNode
{
    public ExecutionNode(string id, string path, string dagKey, string taskName, TaskExecutionKind kind, ComponentSpec component)
    {
        Id = id;
        Path = path;
        DagKey = dagKey;
        TaskName = taskName;
        Kind = kind;
        Component = component;
    }

    public string Id { get; }

    /// <summary>See <see cref="TaskExecution.TaskPath"/>.</summary>
    public string Path { get; }

    /// <summary>The task's key in its DAG ("train"), the index of an iteration ("2"), or "root".</summary>
    public string DagKey { get; }

    public string TaskName { get; }

    public TaskExecutionKind Kind { get; }

    public ComponentSpec Component { get; }

    /// <summary>The task as its DAG declares it; null for the root and for iterations.</summary>
    public PipelineTaskSpec? Task { get; init; }

    /// <summary>The DAG instance the task belongs to; null for the root and for iterations.</summary>
    public DagScope? Scope { get; init; }

    /// <summary>The execution one level up in the tree (the DAG owner, or the loop of an iteration).</summary>
    public ExecutionNode? Parent { get; init; }

    public int? IterationIndex { get; init; }

    /// <summary>Sibling tasks this task waits for (dependentTasks and data producers).</summary>
    public IReadOnlyList<ExecutionNode> Upstream { get; set; } = [];

    public TaskExecutionState State { get; set; } = TaskExecutionState.Pending;

    public bool Started { get; set; }

    public NodeOutputs Outputs { get; set; } = NodeOutputs.Empty;

    public string? Error { get; set; }

    /// <summary>The task's inputs once bound.</summary>
    public ResolvedTaskInputs? Inputs { get; set; }

    public DagScope? Body { get; set; }

    public LoopRun? Loop { get; set; }

    public ContainerRun? Container { get; set; }

    public TaskExecution? Record { get; set; }

    /// <summary>Container and importer tasks: the units counted in a run's task summary.</summary>
    public bool IsLeaf => Kind is TaskExecutionKind.Container or TaskExecutionKind.Importer;
}
