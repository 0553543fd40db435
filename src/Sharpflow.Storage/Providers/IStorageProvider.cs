using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sharpflow.Storage.Migrations;

namespace Sharpflow.Storage.Providers;

/// <summary>What differs between databases: connection setup, the schema's DDL and how errors look.</summary>
internal interface IStorageProvider
{
    string Name { get; }

    /// <summary>The provider's schema, in version order. Each provider owns its DDL.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    /// <summary>SQL run first in the migration transaction so that concurrent starters apply migrations one at a time.</summary>
    string? MigrationLockSql { get; }

    void Configure(DbContextOptionsBuilder builder);

    /// <summary>Runs once at start-up before the first connection opens (e.g. creates the database's folder).</summary>
    void EnsureLocation();

    /// <summary>Runs once at start-up before migrations, on an open connection.</summary>
    Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Whether the exception (or the one it wraps) is a unique-constraint violation.</summary>
    /// <summary>Called after each committed write transaction.</summary>
    void Committed();

    bool IsUniqueViolation(Exception exception);
}
