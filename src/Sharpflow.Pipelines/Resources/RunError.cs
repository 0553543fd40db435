namespace Sharpflow.Pipelines.Resources;

public sealed record RunError
{
    public string? Message { get; init; }
}
