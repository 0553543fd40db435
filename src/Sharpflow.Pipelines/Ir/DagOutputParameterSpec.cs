namespace Sharpflow.Pipelines.Ir;

/// <summary>
/// A DAG output parameter: one subtask's output (<see cref="ValueFromParameter"/>; over a loop it becomes
/// the LIST of every iteration's value) or the first of several that was produced (<see cref="ValueFromOneof"/>).
/// </summary>
public sealed record DagOutputParameterSpec
{
    public ParameterSelector? ValueFromParameter { get; init; }

    public ParameterSelectorList? ValueFromOneof { get; init; }
}
