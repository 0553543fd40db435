using Sharpflow.Api.Resources;

namespace Sharpflow.Api.Errors;

/// <summary>
/// An error a user can cause. Every layer throws it; the server turns it into a <see cref="ApiStatus"/>
/// with the same code, and the client turns such a response back into this exception.
/// </summary>
public sealed class ResourceException : Exception
{
    public ResourceException(ApiStatus status)
        : base(status.Message)
    {
        Status = status;
    }

    public ApiStatus Status { get; }

    public int Code => Status.Code;

    public string? Reason => Status.Reason;

    public static ResourceException NotFound(ResourceKey key) => new(new ApiStatus
    {
        Code = 404,
        Reason = "NotFound",
        Message = $"{Describe(key)} not found",
        Details = new StatusDetails { Name = key.Name, Group = key.Group, Kind = key.Kind },
    });

    public static ResourceException NotFound(string message) =>
        new(new ApiStatus { Code = 404, Reason = "NotFound", Message = message });

    public static ResourceException AlreadyExists(ResourceKey key) => new(new ApiStatus
    {
        Code = 409,
        Reason = "AlreadyExists",
        Message = $"{Describe(key)} already exists",
        Details = new StatusDetails { Name = key.Name, Group = key.Group, Kind = key.Kind },
    });

    public static ResourceException Conflict(ResourceKey key, string message) => new(new ApiStatus
    {
        Code = 409,
        Reason = "Conflict",
        Message = $"Operation cannot be fulfilled on {Describe(key)}: {message}",
        Details = new StatusDetails { Name = key.Name, Group = key.Group, Kind = key.Kind },
    });

    /// <summary>422: the object is well-formed but a field holds a value that is not allowed.</summary>
    public static ResourceException Invalid(string kind, string? name, IReadOnlyList<StatusCause> causes) => new(new ApiStatus
    {
        Code = 422,
        Reason = "Invalid",
        Message = $"{kind} \"{name}\" is invalid: {string.Join("; ", causes.Select(c => $"{c.Field}: {c.Message}"))}",
        Details = new StatusDetails { Name = name, Kind = kind, Causes = causes },
    });

    public static ResourceException Invalid(string kind, string? name, string field, string message) =>
        Invalid(kind, name, [new StatusCause { Reason = "FieldValueInvalid", Field = field, Message = message }]);

    /// <summary>400: the request could not be read at all (malformed JSON or YAML, unknown kind).</summary>
    public static ResourceException BadRequest(string message, string? field = null) => new(new ApiStatus
    {
        Code = 400,
        Reason = "BadRequest",
        Message = message,
        Details = field is null ? null : new StatusDetails { Causes = [new StatusCause { Field = field, Message = message }] },
    });

    /// <summary>410: the requested resourceVersion is older than the oldest change the store still keeps; re-list and watch again.</summary>
    public static ResourceException Gone(string message) =>
        new(new ApiStatus { Code = 410, Reason = "Expired", Message = message });

    public static ResourceException Forbidden(string message) =>
        new(new ApiStatus { Code = 403, Reason = "Forbidden", Message = message });

    private static string Describe(ResourceKey key) =>
        $"{(key.Group.Length == 0 ? key.Kind : $"{key.Kind}.{key.Group}")} \"{key.Name}\"{(key.Namespace is null ? string.Empty : $" in namespace \"{key.Namespace}\"")}";
}
