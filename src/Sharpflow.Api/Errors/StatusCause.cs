namespace Sharpflow.Api.Errors;

/// <summary>One problem with a request; <c>field</c> is a path such as "metadata.name" or "spec.replicas".</summary>
public sealed record StatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}
