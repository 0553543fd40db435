namespace Sharpflow.Api.Errors;

/// <summary>The Kubernetes <c>Status</c> object returned with every error.</summary>
public sealed record ApiStatus
{
    public string Kind { get; init; } = "Status";

    public string ApiVersion { get; init; } = "v1";

    /// <summary>"Success" or "Failure".</summary>
    public string Status { get; init; } = "Failure";

    public string? Message { get; init; }

    /// <summary>A machine-readable reason such as "NotFound", "AlreadyExists", "Conflict", "Invalid", "BadRequest".</summary>
    public string? Reason { get; init; }

    public StatusDetails? Details { get; init; }

    public int Code { get; init; }
}
