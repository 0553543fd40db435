namespace Sharpflow.Pipelines.Ir;

/// <summary>Exactly one of a raw JSON array text or the name of one of the loop task's own input parameters.</summary>
public sealed record ParameterIteratorItems
{
    public string? Raw { get; init; }

    public string? InputParameter { get; init; }
}
