using Microsoft.Data.Sqlite;

namespace Sharpflow.Storage.Providers;

/// <summary>
/// Copies the WAL back into the database file in the background every so many commits. Store
/// connections turn SQLite's automatic checkpoint off, so no write waits for the checkpoint's fsync.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString)
{
    private const int CommitsPerCheckpoint = 1_000;

    private int _commits;
    private int _running;

    public void Committed()
    {
        if (Interlocked.Increment(ref _commits) < CommitsPerCheckpoint || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _commits, 0);
        _ = Task.Run(CheckpointAsync);
    }

    /// <summary>A passive checkpoint: it never blocks writers or readers and simply stops where they are.</summary>
    public async Task CheckpointAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // The next round retries; an unfinished checkpoint only leaves the WAL longer for a while.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
