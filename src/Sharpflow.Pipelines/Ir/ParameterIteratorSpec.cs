namespace Sharpflow.Pipelines.Ir;

/// <summary>A ParallelFor over a JSON list: each item is bound to the loop component's <see cref="ItemInput"/>.</summary>
public sealed record ParameterIteratorSpec
{
    public ParameterIteratorItems? Items { get; init; }

    /// <summary>The input parameter of the loop component that receives one item per iteration.</summary>
    public string? ItemInput { get; init; }
}
