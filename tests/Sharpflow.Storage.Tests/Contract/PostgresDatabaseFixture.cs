using Sharpflow.Testing.Postgres;

namespace Sharpflow.Storage.Tests.Contract;

/// <summary>A new database on the test run's shared PostgreSQL server.</summary>
public sealed class PostgresDatabaseFixture : IStoreDatabase, IAsyncLifetime
{
    public string Provider => StorageOptions.Postgres;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        ConnectionString = await server.CreateDatabaseAsync("storage_contract");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
