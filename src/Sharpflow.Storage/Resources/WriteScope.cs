using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sharpflow.Api.Resources;
using Sharpflow.Storage.Data;

namespace Sharpflow.Storage.Resources;

/// <summary>
/// One write transaction: holds the process's write gate, allocates resourceVersions from the
/// version counter and records every change in the change log before commit.
/// </summary>
internal sealed class WriteScope : IAsyncDisposable
{
    private readonly WriteGate.Releaser _gate;
    private readonly IDbContextTransaction _transaction;

    private WriteScope(WriteGate.Releaser gate, StorageDbContext db, IDbContextTransaction transaction, DateTimeOffset now)
    {
        _gate = gate;
        Db = db;
        _transaction = transaction;
        Now = now;
    }

    public StorageDbContext Db { get; }

    /// <summary>The time of this transaction, used for every timestamp it writes.</summary>
    public DateTimeOffset Now { get; }

    public int ChangeCount { get; private set; }

    public static async Task<WriteScope> BeginAsync(
        WriteGate gate, IDbContextFactory<StorageDbContext> contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        var releaser = await gate.EnterAsync(cancellationToken);
        StorageDbContext? db = null;
        try
        {
            db = await contexts.CreateDbContextAsync(cancellationToken);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteScope(releaser, db, transaction, time.GetUtcNow());
        }
        catch
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }

            releaser.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the next resourceVersion. The counter row stays locked until commit, so versions become
    /// visible in the order they were allocated and a watcher reading "after v" can never skip one.
    /// </summary>
    public async Task<long> NextVersionAsync(CancellationToken cancellationToken)
    {
        var connection = Db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = "UPDATE sf_state SET value = value + 1 WHERE name = 'version' RETURNING value;";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public void RecordChange(ChangeType type, Resource resource, string body, long version)
    {
        Db.Changes.Add(new ChangeRow
        {
            Version = version,
            Type = type,
            Group = resource.Group,
            Kind = resource.Kind,
            Namespace = resource.Metadata.Namespace ?? string.Empty,
            Name = resource.Metadata.Name!,
            CreatedAt = Now.ToUnixTimeMilliseconds(),
            Body = body,
        });
        ChangeCount++;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
        _gate.Dispose();
    }
}
