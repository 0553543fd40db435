namespace Sharpflow.Core.Events;

public sealed record InvolvedObject
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public string? Namespace { get; init; }

    public required string Name { get; init; }

    public string? Uid { get; init; }
}
