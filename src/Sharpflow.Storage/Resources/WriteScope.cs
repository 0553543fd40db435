using System.Data.Common;
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
    private bool _disposed;

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
        return await ScalarAsync("UPDATE sf_state SET value = value + 1 WHERE name = 'version' RETURNING value;", cancellationToken);
    }

    /// <summary>
    /// Appends the change to the change log; <paramref name="body"/> is the object's state after it, and
    /// <paramref name="previousLabels"/> the labels before it when a MODIFIED change changed them (see <see cref="ChangeRow"/>).
    /// </summary>
    public async Task RecordChangeAsync(ChangeType type, Resource resource, string body, long version, CancellationToken cancellationToken, string? previousLabels = null)
    {
        await ExecuteAsync(
            "INSERT INTO sf_changes (version, type, api_group, kind, namespace, name, created_at, body, previous_labels) VALUES (@version, @type, @group, @kind, @namespace, @name, @at, @body, @previous);",
            cancellationToken,
            ("@version", version),
            ("@type", (int)type),
            ("@group", resource.Group),
            ("@kind", resource.Kind),
            ("@namespace", resource.Metadata.Namespace ?? string.Empty),
            ("@name", resource.Metadata.Name!),
            ("@at", Now.ToUnixTimeMilliseconds()),
            ("@body", body),
            ("@previous", previousLabels));
        ChangeCount++;
    }

    /// <summary>
    /// Runs hand-written SQL in this transaction. The write path uses it instead of change tracking:
    /// a create is a handful of plain INSERTs, and SaveChanges would cost several times more.
    /// </summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    private DbCommand CreateCommand(string sql, (string Name, object? Value)[] parameters)
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
        _gate.Dispose();
    }
}
