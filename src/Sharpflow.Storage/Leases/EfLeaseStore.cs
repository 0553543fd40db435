using Microsoft.EntityFrameworkCore;
using Sharpflow.Core.Leases;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Migrations;
using Sharpflow.Storage.Providers;
using Sharpflow.Storage.Resources;

namespace Sharpflow.Storage.Leases;

/// <summary>
/// Leases arbitrated by the database: a conditional UPDATE takes a free, expired or own lease, and an
/// INSERT guarded by the primary key creates a new one. Either statement succeeds for one holder only.
/// </summary>
internal sealed class EfLeaseStore(
    IDbContextFactory<StorageDbContext> contexts,
    StorageInitializer initializer,
    IStorageProvider provider,
    WriteGate gate,
    TimeProvider time) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        await initializer.InitializeAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expires = now + (long)duration.TotalMilliseconds;
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                    .SetProperty(l => l.Holder, holder)
                    .SetProperty(l => l.RenewedAt, now)
                    .SetProperty(l => l.ExpiresAt, expires),
                cancellationToken);
        provider.Committed();
        if (taken == 1)
        {
            return true;
        }

        db.Leases.Add(new LeaseRow { Name = name, Holder = holder, AcquiredAt = now, RenewedAt = now, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (provider.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
    }
}
