using Sharpflow.Storage;
using Sharpflow.Testing.Postgres;

namespace Sharpflow.Pipelines.Tests.Executions;

/// <summary>A new database on the test run's shared PostgreSQL server.</summary>
public sealed class PostgresExecutionDatabase : ExecutionDatabase
{
    protected override string Provider => StorageOptions.Postgres;

    protected override async Task<string> CreateAsync() => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("executions");
}
