using Microsoft.EntityFrameworkCore;
using Sharpflow.Api.Resources;
using Sharpflow.Storage.Data;

namespace Sharpflow.Storage.Resources;

/// <summary>
/// The three primitive writes (insert, replace, remove) and the owner-reference cascade. Each takes a
/// new resourceVersion, writes the row, its labels and owners, and appends the change, all inside the
/// caller's transaction; pending rows are flushed at once so later queries in the transaction see them.
/// </summary>
internal sealed partial class EfResourceStore
{
    private async Task<Resource> InsertAsync(WriteScope scope, Resource resource, CancellationToken cancellationToken)
    {
        var version = await scope.NextVersionAsync(cancellationToken);
        var stored = WithVersion(resource, version);
        var body = ResourceJson.Serialize(stored);
        scope.Db.Resources.Add(new ResourceRow
        {
            Group = stored.Group,
            Kind = stored.Kind,
            Namespace = stored.Metadata.Namespace ?? string.Empty,
            Name = stored.Metadata.Name!,
            Uid = stored.Metadata.Uid!,
            ResourceVersion = version,
            Body = body,
            Labels = LabelRows(0, stored),
            Owners = OwnerRows(0, stored),
        });
        scope.RecordChange(ChangeType.Added, stored, body, version);
        await scope.Db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    private async Task<Resource> ReplaceAsync(WriteScope scope, long id, Resource previous, Resource next, CancellationToken cancellationToken)
    {
        var version = await scope.NextVersionAsync(cancellationToken);
        var stored = WithVersion(next, version);
        var body = ResourceJson.Serialize(stored);
        await scope.Db.Resources.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Body, body).SetProperty(r => r.ResourceVersion, version), cancellationToken);
        if (!SameLabels(previous.Metadata.Labels, stored.Metadata.Labels))
        {
            await scope.Db.Labels.Where(l => l.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
            scope.Db.Labels.AddRange(LabelRows(id, stored));
        }

        if (!OwnerUids(previous).SetEquals(OwnerUids(stored)))
        {
            await scope.Db.Owners.Where(o => o.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
            scope.Db.Owners.AddRange(OwnerRows(id, stored));
        }

        scope.RecordChange(ChangeType.Modified, stored, body, version);
        await scope.Db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    /// <summary>Removes the object now, emits DELETED with its last state, and cascades to the objects it owns.</summary>
    private async Task<Resource> RemoveAsync(WriteScope scope, long id, Resource last, CancellationToken cancellationToken)
    {
        var version = await scope.NextVersionAsync(cancellationToken);
        var stored = WithVersion(last, version);
        await scope.Db.Labels.Where(l => l.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        await scope.Db.Owners.Where(o => o.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        await scope.Db.Resources.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        scope.RecordChange(ChangeType.Deleted, stored, ResourceJson.Serialize(stored), version);
        await scope.Db.SaveChangesAsync(cancellationToken);
        await CascadeAsync(scope, stored.Metadata.Uid!, cancellationToken);
        return stored;
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

    private static List<LabelRow> LabelRows(long id, Resource resource) =>
        resource.Metadata.Labels?.Select(l => new LabelRow { ResourceId = id, Key = l.Key, Value = l.Value }).ToList() ?? [];

    private static List<OwnerRow> OwnerRows(long id, Resource resource) =>
        OwnerUids(resource).Select(uid => new OwnerRow { ResourceId = id, OwnerUid = uid }).ToList();

    private static HashSet<string> OwnerUids(Resource resource) =>
        resource.Metadata.OwnerReferences?.Select(o => o.Uid).ToHashSet(StringComparer.Ordinal) ?? [];

    private static bool SameLabels(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(l => b!.TryGetValue(l.Key, out var v) && v == l.Value));
}
