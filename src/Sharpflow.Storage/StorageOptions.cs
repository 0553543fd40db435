namespace Sharpflow.Storage;

/// <summary>Where and how resources, events and leases are stored.</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// ADO.NET connection string: for SQLite e.g. <c>Data Source=~/.sharpflow/sharpflow.db</c> (the caller
    /// derives it from the data directory); for PostgreSQL e.g. <c>Host=db;Database=sharpflow;Username=sharpflow</c>.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How often a watch looks for changes written by other processes (same-process writes wake it at once).</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The change log keeps at least this many latest changes, so watchers can resume after a restart.</summary>
    public int ChangeLogRetainCount { get; set; } = 10_000;

    /// <summary>The change log keeps every change younger than this.</summary>
    public TimeSpan ChangeLogRetainAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events not seen again for this long are deleted.</summary>
    public TimeSpan EventRetainAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the change log and old events are compacted.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromMinutes(5);

    internal bool UsesPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    internal bool UsesSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
