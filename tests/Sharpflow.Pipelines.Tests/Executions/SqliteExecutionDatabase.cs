using Microsoft.Data.Sqlite;
using Sharpflow.Storage;

namespace Sharpflow.Pipelines.Tests.Executions;

/// <summary>A fresh SQLite file in a temporary folder, removed afterwards.</summary>
public sealed class SqliteExecutionDatabase : ExecutionDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sharpflow-executions-" + Guid.NewGuid().ToString("N")[..12]);

    protected override string Provider => StorageOptions.Sqlite;

    protected override Task<string> CreateAsync() => Task.FromResult($"Data Source={Path.Combine(_directory, "sharpflow.db")}");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
