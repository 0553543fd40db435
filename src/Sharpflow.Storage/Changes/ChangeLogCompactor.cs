using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Migrations;
using Sharpflow.Storage.Providers;
using Sharpflow.Storage.Resources;

namespace Sharpflow.Storage.Changes;

/// <summary>
/// Trims the change log to what watchers may still ask for (the latest N changes, and every change
/// younger than the retention age) and drops events not seen for a while. Watches from a version
/// older than what is kept fail with 410 Gone.
/// </summary>
internal sealed partial class ChangeLogCompactor(
    IDbContextFactory<StorageDbContext> contexts,
    StorageInitializer initializer,
    WriteGate gate,
    IStorageProvider provider,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<ChangeLogCompactor> logger) : BackgroundService
{
    /// <summary>Compacts once; returns the version the change log is now compacted through.</summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);
        var settings = options.Value;
        await using var scope = await WriteScope.BeginAsync(gate, contexts, time, cancellationToken);
        var db = scope.Db;
        var (version, compacted) = await EfResourceStore.ReadStateAsync(db, cancellationToken);
        var keepFrom = version - settings.ChangeLogRetainCount;
        var olderThan = (scope.Now - settings.ChangeLogRetainAge).ToUnixTimeMilliseconds();
        var through = await db.Changes
            .Where(c => c.Version <= keepFrom && c.CreatedAt < olderThan)
            .MaxAsync(c => (long?)c.Version, cancellationToken);
        var removed = 0;
        if (through > compacted)
        {
            removed = await db.Changes.Where(c => c.Version <= through).ExecuteDeleteAsync(cancellationToken);
            await db.State.Where(s => s.Name == StateRow.Compacted).ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, through.Value), cancellationToken);
            compacted = through.Value;
        }

        var eventsBefore = (scope.Now - settings.EventRetainAge).ToUnixTimeMilliseconds();
        var events = await db.Events.Where(e => e.LastAt < eventsBefore).ExecuteDeleteAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        provider.Committed();
        if (removed > 0 || events > 0)
        {
            LogCompacted(logger, removed, compacted, events);
        }

        return compacted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CompactionInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CompactAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted the change log: removed {Changes} changes (now starts after version {Compacted}) and {Events} old events")]
    private static partial void LogCompacted(ILogger logger, int changes, long compacted, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the change log failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
