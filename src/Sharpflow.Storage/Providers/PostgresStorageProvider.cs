using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sharpflow.Storage.Migrations;

namespace Sharpflow.Storage.Providers;

internal sealed class PostgresStorageProvider(string connectionString) : IStorageProvider
{
    // Arbitrary constant naming Sharpflow's migration lock among the database's advisory locks.
    private const long MigrationLockId = 0x5348_4152_5046_4C57;

    public string Name => StorageOptions.Postgres;

    public IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    public string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockId});";

    public void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(connectionString);

    public void EnsureLocation()
    {
    }

    public Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Committed()
    {
    }

    public bool IsUniqueViolation(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation };
}
