namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>What a node of a pipeline graph stands for.</summary>
public enum DagNodeKind
{
    Container,
    Importer,

    /// <summary>A resolver executor (not run by the engine; shown for completeness).</summary>
    Resolver,

    /// <summary>A nested pipeline: a task whose component is a DAG.</summary>
    Dag,

    /// <summary>A dsl.If/Elif/Else branch: a DAG task with a trigger condition.</summary>
    Condition,

    /// <summary>A dsl.ParallelFor task; its iterations run the loop body.</summary>
    Loop,

    /// <summary>The body of a dsl.ExitHandler: a DAG after which the exit task runs whatever happened.</summary>
    ExitHandler,

    /// <summary>One iteration of a loop.</summary>
    Iteration,
}
