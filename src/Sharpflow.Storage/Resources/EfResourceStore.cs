using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Changes;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Migrations;
using Sharpflow.Storage.Providers;

namespace Sharpflow.Storage.Resources;

/// <summary>
/// <see cref="IResourceStore"/> on EF Core. Every write runs in one transaction that takes the next
/// resourceVersion from the version counter and appends the change to the change log; watches
/// replay that log. See the partial files for each operation.
/// </summary>
internal sealed partial class EfResourceStore(
    IDbContextFactory<StorageDbContext> contexts,
    StorageInitializer initializer,
    IStorageProvider provider,
    KindLookup kinds,
    WriteGate gate,
    ChangeSignal signal,
    ChangeFeed feed,
    TimeProvider time,
    IOptions<StorageOptions> options) : IResourceStore
{
    private const string ModifiedMessage = "the object has been modified; please apply your changes to the latest version and try again";

    public async Task<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var ns = NamespaceOf(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var body = await db.Resources
            .Where(r => r.Group == key.Group && r.Kind == key.Kind && r.Namespace == ns && r.Name == key.Name)
            .Select(r => r.Body)
            .FirstOrDefaultAsync(cancellationToken);
        return body is null ? null : ResourceJson.Deserialize(body);
    }

    public async Task<Resource?> GetByUidAsync(string group, string kind, string uid, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var body = await db.Resources
            .Where(r => r.Uid == uid && r.Group == group && r.Kind == kind)
            .Select(r => r.Body)
            .FirstOrDefaultAsync(cancellationToken);
        return body is null ? null : ResourceJson.Deserialize(body);
    }

    public async Task<string> GetCurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (version, _) = await ReadStateAsync(db, cancellationToken);
        return FormatVersion(version);
    }

    internal static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the store version (last allocated resourceVersion) and the version the change log is compacted through.</summary>
    internal static async Task<(long Version, long Compacted)> ReadStateAsync(StorageDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.State.ToListAsync(cancellationToken);
        return (state.First(s => s.Name == StateRow.Version).Value, state.First(s => s.Name == StateRow.Compacted).Value);
    }

    private string NamespaceOf(ResourceKey key) =>
        kinds.Find(key.Group, key.Kind).Namespaced ? key.Namespace ?? string.Empty : string.Empty;

    /// <summary>Commits, then wakes this process's watchers.</summary>
    private async Task CommitAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await scope.CommitAsync(cancellationToken);
        provider.Committed();
        signal.Pulse();
    }

    private Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken) =>
        WriteScope.BeginAsync(gate, contexts, time, cancellationToken);

    private static Task<ResourceRow?> FindRowAsync(StorageDbContext db, ResourceKey key, string ns, CancellationToken cancellationToken) =>
        db.Resources
            .Where(r => r.Group == key.Group && r.Kind == key.Kind && r.Namespace == ns && r.Name == key.Name)
            .Select(r => new ResourceRow { Id = r.Id, Group = r.Group, Kind = r.Kind, Namespace = r.Namespace, Name = r.Name, Uid = r.Uid, Body = r.Body })
            .FirstOrDefaultAsync(cancellationToken);

    private static void CheckVersion(ResourceKey key, string? expected, Resource stored)
    {
        if (!string.IsNullOrEmpty(expected) && expected != stored.Metadata.ResourceVersion)
        {
            throw ResourceException.Conflict(key, ModifiedMessage);
        }
    }

    private static ResourceKey KeyOf(Resource resource)
    {
        if (string.IsNullOrEmpty(resource.Metadata.Name))
        {
            throw ResourceException.Invalid(resource.Kind, null, "metadata.name", "a name is required");
        }

        return ResourceKey.Of(resource);
    }
}
