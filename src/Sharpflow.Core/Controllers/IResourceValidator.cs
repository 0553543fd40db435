using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// Checks an object of one kind before it is created or updated. The API calls every validator
/// registered for the kind and answers 422 Invalid with all causes when any are returned.
/// </summary>
public interface IResourceValidator
{
    ResourceKind Kind { get; }

    /// <summary>Problems with the object, each naming its field path (e.g. "spec.containers[0].image"); empty when valid.</summary>
    IReadOnlyList<StatusCause> Validate(Resource resource);

    /// <summary>
    /// Problems with replacing <paramref name="current"/> by <paramref name="updated"/>: by default those of the
    /// new object alone; kinds with fields fixed after creation (or after they started) add their own.
    /// </summary>
    IReadOnlyList<StatusCause> ValidateUpdate(Resource current, Resource updated) => Validate(updated);
}
