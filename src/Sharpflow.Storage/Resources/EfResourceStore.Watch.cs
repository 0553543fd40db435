using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Changes;
using Sharpflow.Storage.Data;

namespace Sharpflow.Storage.Resources;

internal sealed partial class EfResourceStore
{
    private const int WatchBatchSize = 500;

    /// <summary>
    /// Replays the change log after the requested version, then follows it. Each round reads the store
    /// version first and then the log up to it, so a round sees a complete, gap-free prefix. Rounds start
    /// when this process commits a change, or after the poll interval for changes made by other processes.
    /// Recent changes come from the process-wide <see cref="ChangeFeed"/>, older ones from the log itself.
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
            await feed.RefreshAsync(cancellationToken);
            var (batch, upTo, more) = feed.Read(last) is { } recent
                ? (recent.Rows.Where(c => Matches(c, query, ns)).ToList(), recent.UpTo, recent.More)
                : await ReadLogAsync(query, ns, last, cancellationToken);
            foreach (var change in batch)
            {
                var resource = ResourceJson.Deserialize(change.Body);
                if (EventType(change, resource, selector) is { } type)
                {
                    yield return new WatchEvent { Type = type, Object = resource };
                }
            }

            last = upTo;
            if (more)
            {
                continue;
            }

            // Wakes at the next local commit or after the poll interval; the timeout is not an error.
            await wake.WaitAsync(options.Value.WatchPollInterval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Reads the log itself, for a watcher further behind than the shared feed reaches (a replay).</summary>
    private async Task<(List<ChangeRow> Rows, long UpTo, bool More)> ReadLogAsync(
        WatchQuery query, string? ns, long after, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (version, compacted) = await ReadStateAsync(db, cancellationToken);
        ThrowIfCompacted(after, compacted);
        var rows = version > after ? await ReadChangesAsync(db, query, ns, after, version, cancellationToken) : [];
        var more = rows.Count == WatchBatchSize;
        return (rows, more ? rows[^1].Version : Math.Max(after, version), more);
    }

    private static bool Matches(ChangeRow change, WatchQuery query, string? ns) =>
        (query.Group is null || change.Group == query.Group)
        && (query.Kind is null || change.Kind == query.Kind)
        && (ns is null || change.Namespace == ns);

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

    /// <summary>
    /// The event a label-filtered watch sends for a change, as Kubernetes does: a change that makes an object match is
    /// ADDED, one that makes it stop matching is DELETED (with its new state), and one outside the selector before and
    /// after is not sent. Null when nothing is sent.
    /// </summary>
    private static WatchEventType? EventType(ChangeRow change, Resource resource, LabelSelector selector)
    {
        var type = ToEventType(change.Type);
        var matches = selector.Matches(resource.Metadata.Labels);
        if (type != WatchEventType.Modified || selector.IsEverything)
        {
            return matches ? type : null;
        }

        var matched = change.PreviousLabels is { } previous ? selector.Matches(ChangeLabels.Parse(previous)) : matches;
        return (matched, matches) switch
        {
            (true, true) => WatchEventType.Modified,
            (false, true) => WatchEventType.Added,
            (true, false) => WatchEventType.Deleted,
            _ => null,
        };
    }

    private static WatchEventType ToEventType(ChangeType type) => type switch
    {
        ChangeType.Added => WatchEventType.Added,
        ChangeType.Modified => WatchEventType.Modified,
        _ => WatchEventType.Deleted,
    };
}
