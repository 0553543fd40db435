namespace Sharpflow.Core.Events;

public sealed record EventQuery
{
    public string? Namespace { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Uid { get; init; }

    public int Limit { get; init; } = 100;
}
