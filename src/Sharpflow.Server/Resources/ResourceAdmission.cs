using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Store;

namespace Sharpflow.Server.Resources;

/// <summary>The checks a write passes before the store: its namespace exists and accepts objects, and every validator of its kind agrees.</summary>
internal sealed class ResourceAdmission(IResourceStore store, IEnumerable<IResourceValidator> validators)
{
    private readonly IReadOnlyList<IResourceValidator> _validators = validators.ToList();

    public async Task EnsureNamespaceAcceptsAsync(ResourceKind kind, string? ns, CancellationToken cancellationToken)
    {
        if (!kind.Namespaced || ns is null)
        {
            return;
        }

        var key = new ResourceKey(BuiltInKinds.Namespace.Group, BuiltInKinds.Namespace.Kind, null, ns);
        var found = await store.GetAsync(key, cancellationToken)
            ?? throw ResourceException.NotFound(
                $"namespaces \"{ns}\" not found: create it first with 'sharpflow create namespace {ns}' or apply a Namespace manifest");
        if (found.IsBeingDeleted())
        {
            throw ResourceException.Forbidden(
                $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    /// <summary>Runs every validator registered for the kind; any cause makes the write a 422 Invalid listing all of them.</summary>
    public void Validate(ResourceKind kind, Resource resource) =>
        ThrowIfInvalid(kind, resource, ValidatorsOf(kind).SelectMany(v => v.Validate(resource)));

    /// <summary>As <see cref="Validate"/>, for a write that replaces <paramref name="current"/>.</summary>
    public void ValidateUpdate(ResourceKind kind, Resource current, Resource updated) =>
        ThrowIfInvalid(kind, updated, ValidatorsOf(kind).SelectMany(v => v.ValidateUpdate(current, updated)));

    private IEnumerable<IResourceValidator> ValidatorsOf(ResourceKind kind) =>
        _validators.Where(v => v.Kind.Group == kind.Group && v.Kind.Kind == kind.Kind);

    private static void ThrowIfInvalid(ResourceKind kind, Resource resource, IEnumerable<StatusCause> found)
    {
        var causes = found.ToList();
        if (causes.Count > 0)
        {
            throw ResourceException.Invalid(kind.Kind, resource.Metadata.Name, causes);
        }
    }
}
