using Microsoft.EntityFrameworkCore;
using Sharpflow.Core.Events;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Migrations;
using Sharpflow.Storage.Providers;
using Sharpflow.Storage.Resources;

namespace Sharpflow.Storage.Events;

/// <summary>
/// Events in their own table. Folding is arbitrated by the database: increment the row with the same
/// fold key, else insert it; an insert that loses a race to an identical event increments instead.
/// </summary>
internal sealed class EfEventStore(
    IDbContextFactory<StorageDbContext> contexts,
    StorageInitializer initializer,
    IStorageProvider provider,
    WriteGate gate,
    TimeProvider time) : IEventStore
{
    private const int DefaultLimit = 100;

    public async Task<ResourceEvent> RecordAsync(ResourceEvent resourceEvent, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var foldKey = EventFoldKey.Of(resourceEvent);
        var at = (resourceEvent.LastTimestamp == default ? time.GetUtcNow() : resourceEvent.LastTimestamp).ToUnixTimeMilliseconds();
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var folded = await db.Events.Where(e => e.FoldKey == foldKey)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Count, e => e.Count + 1).SetProperty(e => e.LastAt, at), cancellationToken);
            provider.Committed();
            if (folded == 0)
            {
                var row = NewRow(resourceEvent, foldKey, at);
                db.Events.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return ToEvent(row);
                }
                catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (provider.IsUniqueViolation(ex) && attempt == 0)
                {
                    db.ChangeTracker.Clear();
                    continue;
                }
            }

            return ToEvent(await db.Events.FirstAsync(e => e.FoldKey == foldKey, cancellationToken));
        }
    }

    public async Task<IReadOnlyList<ResourceEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = db.Events.AsQueryable();
        if (query.Namespace is { } ns)
        {
            events = events.Where(e => e.Namespace == ns);
        }

        if (query.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        if (query.Name is { } name)
        {
            events = events.Where(e => e.Name == name);
        }

        if (query.Uid is { } uid)
        {
            events = events.Where(e => e.Uid == uid);
        }

        var rows = await events
            .OrderByDescending(e => e.LastAt)
            .ThenByDescending(e => e.Id)
            .Take(query.Limit > 0 ? query.Limit : DefaultLimit)
            .ToListAsync(cancellationToken);
        return rows.Select(ToEvent).ToList();
    }

    private static EventRow NewRow(ResourceEvent e, string foldKey, long at) => new()
    {
        FoldKey = foldKey,
        ApiVersion = e.InvolvedObject.ApiVersion,
        Kind = e.InvolvedObject.Kind,
        Namespace = e.InvolvedObject.Namespace ?? string.Empty,
        Name = e.InvolvedObject.Name,
        Uid = string.IsNullOrEmpty(e.InvolvedObject.Uid) ? null : e.InvolvedObject.Uid,
        Type = e.Type,
        Reason = e.Reason,
        Message = e.Message,
        Source = e.Source,
        Count = 1,
        FirstAt = e.FirstTimestamp == default ? at : e.FirstTimestamp.ToUnixTimeMilliseconds(),
        LastAt = at,
    };

    private static ResourceEvent ToEvent(EventRow row) => new()
    {
        Id = row.Id,
        InvolvedObject = new InvolvedObject
        {
            ApiVersion = row.ApiVersion,
            Kind = row.Kind,
            Namespace = row.Namespace.Length == 0 ? null : row.Namespace,
            Name = row.Name,
            Uid = row.Uid,
        },
        Type = row.Type,
        Reason = row.Reason,
        Message = row.Message,
        Source = row.Source,
        Count = row.Count,
        FirstTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(row.FirstAt),
        LastTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(row.LastAt),
    };
}
