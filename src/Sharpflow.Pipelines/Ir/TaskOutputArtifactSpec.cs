namespace Sharpflow.Pipelines.Ir;

public sealed record TaskOutputArtifactSpec
{
    public string? ProducerTask { get; init; }

    public string? OutputArtifactKey { get; init; }
}
