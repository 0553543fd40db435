namespace Sharpflow.Core.Executions;

/// <summary>What an execution stands for in the run's tree.</summary>
public enum TaskExecutionKind
{
    /// <summary>The pipeline's root DAG; one per run.</summary>
    Root,

    /// <summary>A task whose component is a DAG: a nested pipeline, a condition, an exit handler's body.</summary>
    Dag,

    /// <summary>A ParallelFor task; its children are the iterations.</summary>
    Loop,

    /// <summary>One iteration of a loop; its children are the loop body's tasks.</summary>
    Iteration,

    /// <summary>A container task: one process (per attempt).</summary>
    Container,

    /// <summary>An importer task: registers an existing URI as an artifact, no process.</summary>
    Importer,
}
