using Sharpflow.Api.Errors;

namespace Sharpflow.Server.KfpApi.Errors;

/// <summary>
/// The errors the KFP API raises, as <see cref="ResourceException"/>s (the one user-error type of the server);
/// <see cref="RpcStatusResult"/> turns them into <c>google.rpc.Status</c> bodies.
/// </summary>
internal static class KfpErrors
{
    public const string FailedPreconditionReason = "FailedPrecondition";

    /// <summary>400 INVALID_ARGUMENT; the message starts with the field so a reader knows what to fix.</summary>
    public static ResourceException InvalidArgument(string field, string message) =>
        ResourceException.BadRequest($"{field}: {message}", field);

    /// <summary>400 INVALID_ARGUMENT listing every field problem, each also a field violation of the answer.</summary>
    public static ResourceException InvalidFields(string what, IReadOnlyList<StatusCause> causes) => new(new ApiStatus
    {
        Code = 400,
        Reason = "BadRequest",
        Message = $"invalid {what}: {string.Join("; ", causes.Select(c => string.IsNullOrEmpty(c.Field) ? c.Message : $"{c.Field}: {c.Message}"))}",
        Details = new StatusDetails { Causes = causes },
    });

    public static ResourceException NotFound(string message) => ResourceException.NotFound(message);

    public static ResourceException AlreadyExists(string message) =>
        new(new ApiStatus { Code = 409, Reason = "AlreadyExists", Message = message });

    /// <summary>409 FAILED_PRECONDITION: the request is well-formed but the object is not in a state that allows it.</summary>
    public static ResourceException FailedPrecondition(string message) =>
        new(new ApiStatus { Code = 409, Reason = FailedPreconditionReason, Message = message });
}
