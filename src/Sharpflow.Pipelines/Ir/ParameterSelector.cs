namespace Sharpflow.Pipelines.Ir;

public sealed record ParameterSelector
{
    public string? ProducerSubtask { get; init; }

    public string? OutputParameterKey { get; init; }
}
