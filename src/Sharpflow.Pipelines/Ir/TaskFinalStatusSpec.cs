namespace Sharpflow.Pipelines.Ir;

public sealed record TaskFinalStatusSpec
{
    public string? ProducerTask { get; init; }
}
