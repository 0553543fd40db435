using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sharpflow.Storage.Providers;

/// <summary>
/// Sets the per-connection pragmas when EF Core opens a connection: NORMAL sync (durable against
/// process crashes in WAL mode), a busy timeout so that a second process waits instead of failing,
/// memory-mapped reads, and no automatic checkpoint.
/// Pooled connections keep their native handle and its pragmas, so each handle is set up once.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // mmap lets every connection read the file through the shared OS page cache instead of its own copy;
    // checkpoints are left to SqliteCheckpointer, off the write path.
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA mmap_size=268435456; PRAGMA wal_autocheckpoint=0;";

    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstUse(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstUse(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool FirstUse(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _prepared.TryAdd(handle, handle);
}
