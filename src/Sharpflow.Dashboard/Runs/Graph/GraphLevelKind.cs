namespace Sharpflow.Dashboard.Runs.Graph;

public enum GraphLevelKind
{
    /// <summary>The tasks of a DAG (the pipeline, a sub-DAG, or one loop iteration's body).</summary>
    Dag,

    /// <summary>The iterations of a loop.</summary>
    Iterations,
}
