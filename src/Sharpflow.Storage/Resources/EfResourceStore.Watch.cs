using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Data;

namespace Sharpflow.Storage.Resources;

internal sealed partial class EfResourceStore
{
    private const int WatchBatchSize = 500;

    /// <summary>
    /// Replays the change log after the requested version, then follows it. Each round reads the store
    /// version first and then the log up to it, so a round sees a complete, gap-free prefix. Rounds start
    /// when this process commits a change, or after the poll interval for changes made by other processes.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var selector = LabelSelector.Parse(query.LabelSelector);
        var requested = ParseWatchVersion(query.ResourceVersion);
        var ns = query.Namespace is not null && (query.Group is null || query.Kind is null || kinds.Find(query.Group, query.Kind).Namespaced)
            ? query.Namespace
            : null;
        long last;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var (version, compacted) = await ReadStateAsync(db, cancellationToken);
            last = requested ?? version;
            ThrowIfCompacted(last, compacted);
        }

        while (true)
        {
            var wake = signal.NextAsync;
            List<ChangeRow> batch;
            long upTo;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var (version, compacted) = await ReadStateAsync(db, cancellationToken);
                ThrowIfCompacted(last, compacted);
                upTo = version;
                batch = version > last ? await ReadChangesAsync(db, query, ns, last, version, cancellationToken) : [];
            }

            foreach (var change in batch)
            {
                var resource = ResourceJson.Deserialize(change.Body);
                if (selector.Matches(resource.Metadata.Labels))
                {
                    yield return new WatchEvent { Type = ToEventType(change.Type), Object = resource };
                }
            }

            if (batch.Count == WatchBatchSize)
            {
                last = batch[^1].Version;
                continue;
            }

            last = Math.Max(last, upTo);
            // Wakes at the next local commit or after the poll interval; the timeout is not an error.
            await wake.WaitAsync(options.Value.WatchPollInterval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static Task<List<ChangeRow>> ReadChangesAsync(
        StorageDbContext db, WatchQuery query, string? ns, long after, long upTo, CancellationToken cancellationToken)
    {
        var changes = db.Changes.Where(c => c.Version > after && c.Version <= upTo);
        if (query.Group is { } group)
        {
            changes = changes.Where(c => c.Group == group);
        }

        if (query.Kind is { } kind)
        {
            changes = changes.Where(c => c.Kind == kind);
        }

        if (ns is not null)
        {
            changes = changes.Where(c => c.Namespace == ns);
        }

        return changes.OrderBy(c => c.Version).Take(WatchBatchSize).ToListAsync(cancellationToken);
    }

    private static long? ParseWatchVersion(string? resourceVersion)
    {
        if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
        {
            return null;
        }

        return long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ResourceException.BadRequest($"resourceVersion \"{resourceVersion}\" is not a resource version this store issued", "resourceVersion");
    }

    private static void ThrowIfCompacted(long after, long compacted)
    {
        if (after < compacted)
        {
            throw ResourceException.Gone(
                $"too old resource version: {after} (the change log starts after {compacted}); list again and watch from the list's resourceVersion");
        }
    }

    private static WatchEventType ToEventType(ChangeType type) => type switch
    {
        ChangeType.Added => WatchEventType.Added,
        ChangeType.Modified => WatchEventType.Modified,
        _ => WatchEventType.Deleted,
    };
}
