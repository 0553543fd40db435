namespace Sharpflow.Api.Errors;

public sealed record StatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyList<StatusCause>? Causes { get; init; }
}
