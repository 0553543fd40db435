namespace Sharpflow.Pipelines.Ir;

public sealed record EnvVar
{
    public string? Name { get; init; }

    public string? Value { get; init; }
}
