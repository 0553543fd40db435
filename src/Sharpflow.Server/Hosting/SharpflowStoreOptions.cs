namespace Sharpflow.Server.Hosting;

/// <summary>Which database holds the resources: "sqlite" (default, a file in the data directory) or "postgres".</summary>
public sealed class SharpflowStoreOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public string? Provider { get; set; }

    /// <summary>Default for SQLite: <c>Data Source={DataDirectory}/sharpflow.db</c>; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
