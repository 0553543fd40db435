namespace Sharpflow.Pipelines.Ir;

public sealed record TaskInfo
{
    public string? Name { get; init; }
}
