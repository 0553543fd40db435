using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Storage.Resources;

internal sealed partial class EfResourceStore
{
    public async Task<Resource> UpdateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var key = KeyOf(resource);
        var traits = kinds.Find(key.Group, key.Kind);
        await using var scope = await BeginWriteAsync(cancellationToken);
        var (id, stored) = await LoadForWriteAsync(scope, key, resource.Metadata.ResourceVersion, cancellationToken);
        var meta = resource.Metadata;
        var next = stored with
        {
            ApiVersion = resource.ApiVersion,
            Metadata = stored.Metadata with
            {
                Labels = meta.Labels,
                Annotations = meta.Annotations,
                Finalizers = meta.Finalizers is { Count: > 0 } ? meta.Finalizers : null,
                OwnerReferences = meta.OwnerReferences is { Count: > 0 } ? meta.OwnerReferences : null,
            },
            Spec = resource.Spec,
            Extra = resource.Extra,
            Status = traits.HasStatusSubresource ? stored.Status : resource.Status,
        };
        ResourceValidation.Validate(next, traits);
        if (stored.IsBeingDeleted() && next.Metadata.Finalizers?.Except(stored.Metadata.Finalizers ?? []).Any() == true)
        {
            throw ResourceException.Invalid(key.Kind, key.Name, "metadata.finalizers", "no new finalizers can be added while the object is being deleted");
        }

        if (!JsonNode.DeepEquals(stored.Spec, next.Spec) || !JsonNode.DeepEquals(ExtraNode(stored), ExtraNode(next)))
        {
            next = next with { Metadata = next.Metadata with { Generation = stored.Metadata.Generation + 1 } };
        }

        return await WriteAsync(scope, id, stored, next, cancellationToken);
    }

    public async Task<Resource> UpdateStatusAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var key = KeyOf(resource);
        await using var scope = await BeginWriteAsync(cancellationToken);
        var (id, stored) = await LoadForWriteAsync(scope, key, resource.Metadata.ResourceVersion, cancellationToken);
        return await WriteAsync(scope, id, stored, stored with { Status = resource.Status }, cancellationToken);
    }

    private async Task<(long Id, Resource Stored)> LoadForWriteAsync(
        WriteScope scope, ResourceKey key, string? expectedVersion, CancellationToken cancellationToken)
    {
        var row = await FindRowAsync(scope.Db, key, NamespaceOf(key), cancellationToken) ?? throw ResourceException.NotFound(key);
        var stored = ResourceJson.Deserialize(row.Body);
        CheckVersion(key, expectedVersion, stored);
        return (row.Id, stored);
    }

    /// <summary>
    /// Writes <paramref name="next"/> unless nothing changed (no new version, no event, as in Kubernetes).
    /// Dropping the last finalizer of an object being deleted completes its deletion.
    /// </summary>
    private async Task<Resource> WriteAsync(WriteScope scope, long id, Resource stored, Resource next, CancellationToken cancellationToken)
    {
        Resource written;
        if (next.IsBeingDeleted() && next.Metadata.Finalizers is not { Count: > 0 })
        {
            written = await RemoveAsync(scope, id, next, cancellationToken);
        }
        else if (ResourceJson.Serialize(next) == ResourceJson.Serialize(stored))
        {
            return stored;
        }
        else
        {
            written = await ReplaceAsync(scope, id, stored, next, cancellationToken);
        }

        await CommitAsync(scope, cancellationToken);
        return written;
    }

    private static JsonNode? ExtraNode(Resource resource) =>
        resource.Extra is { Count: > 0 } extra ? JsonSerializer.SerializeToNode(extra, ApiJson.Options) : null;
}
