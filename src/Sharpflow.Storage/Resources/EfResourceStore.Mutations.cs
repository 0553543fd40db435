using Microsoft.EntityFrameworkCore;
using Sharpflow.Api.Resources;
using Sharpflow.Storage.Changes;
using Sharpflow.Storage.Data;

namespace Sharpflow.Storage.Resources;

/// <summary>
/// The three primitive writes (insert, replace, remove) and the owner-reference cascade. Each takes a
/// new resourceVersion, writes the row, its labels and owners, and appends the change, all inside the
/// caller's transaction, with plain SQL that both providers accept.
/// </summary>
internal sealed partial class EfResourceStore
{
    private static async Task<Resource> InsertAsync(WriteScope scope, Resource resource, CancellationToken cancellationToken)
    {
        var version = await scope.NextVersionAsync(cancellationToken);
        var stored = WithVersion(resource, version);
        var body = ResourceJson.Serialize(stored);
        var id = await scope.ScalarAsync(
            "INSERT INTO sf_resources (api_group, kind, namespace, name, uid, resource_version, body) VALUES (@group, @kind, @namespace, @name, @uid, @version, @body) RETURNING id;",
            cancellationToken,
            ("@group", stored.Group),
            ("@kind", stored.Kind),
            ("@namespace", stored.Metadata.Namespace ?? string.Empty),
            ("@name", stored.Metadata.Name!),
            ("@uid", stored.Metadata.Uid!),
            ("@version", version),
            ("@body", body));
        await InsertLabelsAsync(scope, id, stored, cancellationToken);
        await InsertOwnersAsync(scope, id, stored, cancellationToken);
        await scope.RecordChangeAsync(ChangeType.Added, stored, body, version, cancellationToken);
        return stored;
    }

    private static async Task<Resource> ReplaceAsync(WriteScope scope, long id, Resource previous, Resource next, CancellationToken cancellationToken)
    {
        var version = await scope.NextVersionAsync(cancellationToken);
        var stored = WithVersion(next, version);
        var body = ResourceJson.Serialize(stored);
        await scope.ExecuteAsync(
            "UPDATE sf_resources SET body = @body, resource_version = @version WHERE id = @id;",
            cancellationToken,
            ("@body", body),
            ("@version", version),
            ("@id", id));
        string? previousLabels = null;
        if (!SameLabels(previous.Metadata.Labels, stored.Metadata.Labels))
        {
            await scope.ExecuteAsync("DELETE FROM sf_labels WHERE resource_id = @id;", cancellationToken, ("@id", id));
            await InsertLabelsAsync(scope, id, stored, cancellationToken);
            previousLabels = ChangeLabels.Serialize(previous.Metadata.Labels);
        }

        if (!OwnerUids(previous).SetEquals(OwnerUids(stored)))
        {
            await scope.ExecuteAsync("DELETE FROM sf_owners WHERE resource_id = @id;", cancellationToken, ("@id", id));
            await InsertOwnersAsync(scope, id, stored, cancellationToken);
        }

        await scope.RecordChangeAsync(ChangeType.Modified, stored, body, version, cancellationToken, previousLabels);
        return stored;
    }

    /// <summary>Removes the object now, emits DELETED with its last state, and cascades to the objects it owns.</summary>
    private async Task<Resource> RemoveAsync(WriteScope scope, long id, Resource last, CancellationToken cancellationToken)
    {
        var version = await scope.NextVersionAsync(cancellationToken);
        var stored = WithVersion(last, version);
        await scope.ExecuteAsync(
            "DELETE FROM sf_labels WHERE resource_id = @id; DELETE FROM sf_owners WHERE resource_id = @id; DELETE FROM sf_resources WHERE id = @id;",
            cancellationToken,
            ("@id", id));
        await scope.RecordChangeAsync(ChangeType.Deleted, stored, ResourceJson.Serialize(stored), version, cancellationToken);
        await CascadeAsync(scope, stored.Metadata.Uid!, cancellationToken);
        return stored;
    }

    private static Task InsertLabelsAsync(WriteScope scope, long id, Resource resource, CancellationToken cancellationToken)
    {
        var labels = resource.Metadata.Labels;
        if (labels is not { Count: > 0 })
        {
            return Task.CompletedTask;
        }

        var values = new List<string>(labels.Count);
        var parameters = new List<(string, object?)>(labels.Count * 2 + 1) { ("@id", id) };
        foreach (var (key, value) in labels)
        {
            var n = values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values.Add($"(@id, @k{n}, @v{n})");
            parameters.Add(("@k" + n, key));
            parameters.Add(("@v" + n, value));
        }

        return scope.ExecuteAsync($"INSERT INTO sf_labels (resource_id, key, value) VALUES {string.Join(", ", values)};", cancellationToken, [.. parameters]);
    }

    private static Task InsertOwnersAsync(WriteScope scope, long id, Resource resource, CancellationToken cancellationToken)
    {
        var uids = OwnerUids(resource).ToList();
        if (uids.Count == 0)
        {
            return Task.CompletedTask;
        }

        var values = uids.Select((_, n) => $"(@id, @o{n})");
        var parameters = uids.Select((uid, n) => ("@o" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), (object?)uid)).Prepend(("@id", id));
        return scope.ExecuteAsync($"INSERT INTO sf_owners (resource_id, owner_uid) VALUES {string.Join(", ", values)};", cancellationToken, [.. parameters]);
    }

    /// <summary>Deletes as Kubernetes does: an object with finalizers is only marked; otherwise it is removed.</summary>
    private async Task<Resource> DeleteObjectAsync(WriteScope scope, long id, Resource resource, CancellationToken cancellationToken)
    {
        if (resource.Metadata.Finalizers is not { Count: > 0 })
        {
            return await RemoveAsync(scope, id, resource, cancellationToken);
        }

        return resource.IsBeingDeleted()
            ? resource
            : await ReplaceAsync(scope, id, resource, resource with { Metadata = resource.Metadata with { DeletionTimestamp = scope.Now } }, cancellationToken);
    }

    /// <summary>
    /// The garbage collector's rule: a dependent whose other owners still exist only loses the reference
    /// to the removed owner; a dependent left without owners is deleted in turn (honouring its finalizers).
    /// </summary>
    private async Task CascadeAsync(WriteScope scope, string ownerUid, CancellationToken cancellationToken)
    {
        await foreach (var (id, dependent) in LoadDependentsAsync(scope, ownerUid, cancellationToken))
        {
            var remaining = dependent.Metadata.OwnerReferences!.Where(o => o.Uid != ownerUid).ToList();
            var remainingUids = remaining.Select(o => o.Uid).ToList();
            var ownersLeft = remaining.Count > 0
                && await scope.Db.Resources.AnyAsync(r => remainingUids.Contains(r.Uid), cancellationToken);
            if (ownersLeft)
            {
                await ReplaceAsync(scope, id, dependent, WithOwners(dependent, remaining), cancellationToken);
            }
            else
            {
                await DeleteObjectAsync(scope, id, dependent, cancellationToken);
            }
        }
    }

    /// <summary>Orphan propagation: dependents stay and lose their reference to the owner.</summary>
    private async Task OrphanAsync(WriteScope scope, string ownerUid, CancellationToken cancellationToken)
    {
        await foreach (var (id, dependent) in LoadDependentsAsync(scope, ownerUid, cancellationToken))
        {
            var remaining = dependent.Metadata.OwnerReferences!.Where(o => o.Uid != ownerUid).ToList();
            await ReplaceAsync(scope, id, dependent, WithOwners(dependent, remaining), cancellationToken);
        }
    }

    /// <summary>
    /// The dependents of an owner, each read when its turn comes: an earlier step of the same cascade
    /// may already have changed or removed it.
    /// </summary>
    private static async IAsyncEnumerable<(long Id, Resource Dependent)> LoadDependentsAsync(
        WriteScope scope, string ownerUid, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await scope.Db.Owners
            .Where(o => o.OwnerUid == ownerUid)
            .Select(o => o.ResourceId)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var body = await scope.Db.Resources.Where(r => r.Id == id).Select(r => r.Body).FirstOrDefaultAsync(cancellationToken);
            if (body is null)
            {
                continue;
            }

            var dependent = ResourceJson.Deserialize(body);
            if (dependent.Metadata.OwnerReferences?.Any(o => o.Uid == ownerUid) == true)
            {
                yield return (id, dependent);
            }
        }
    }

    private static Resource WithVersion(Resource resource, long version) =>
        resource with { Metadata = resource.Metadata with { ResourceVersion = FormatVersion(version) } };

    private static Resource WithOwners(Resource resource, List<Api.Resources.OwnerReference> owners) =>
        resource with { Metadata = resource.Metadata with { OwnerReferences = owners.Count == 0 ? null : owners } };

    private static HashSet<string> OwnerUids(Resource resource) =>
        resource.Metadata.OwnerReferences?.Select(o => o.Uid).ToHashSet(StringComparer.Ordinal) ?? [];

    private static bool SameLabels(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(l => b!.TryGetValue(l.Key, out var v) && v == l.Value));
}
