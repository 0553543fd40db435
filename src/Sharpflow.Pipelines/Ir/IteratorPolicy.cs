namespace Sharpflow.Pipelines.Ir;

public sealed record IteratorPolicy
{
    /// <summary>How many iterations may run at once; 0 means no limit.</summary>
    public int ParallelismLimit { get; init; }
}
