namespace Sharpflow.Pipelines.Ir;

public sealed record TaskOutputParameterSpec
{
    public string? ProducerTask { get; init; }

    public string? OutputParameterKey { get; init; }
}
