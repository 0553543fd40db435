using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sharpflow.Storage.Migrations;

namespace Sharpflow.Storage.Providers;

/// <summary>
/// SQLite in WAL mode with synchronous=NORMAL: a committed transaction survives a crash of the process
/// (only a power loss may lose the last commits), and readers never wait for the writer. Checkpoints
/// run in the background (<see cref="SqliteCheckpointer"/>).
/// </summary>
internal sealed class SqliteStorageProvider(string connectionString) : IStorageProvider
{
    private const int SqliteConstraint = 19;

    private readonly SqlitePragmaInterceptor _pragmas = new();
    private readonly SqliteCheckpointer _checkpointer = new(connectionString);

    public string Name => StorageOptions.Sqlite;

    public IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    public string? MigrationLockSql => null;

    public void Configure(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(connectionString).AddInterceptors(_pragmas);

    public async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Committed() => _checkpointer.Committed();

    public bool IsUniqueViolation(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: SqliteConstraint };

    /// <summary>Creates the folder of a file database so that a fresh data directory works.</summary>
    public void EnsureLocation()
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
