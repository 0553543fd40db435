using Microsoft.Data.Sqlite;

namespace Sharpflow.Storage.Tests.Contract;

/// <summary>A fresh SQLite file in a temporary folder, removed afterwards.</summary>
public sealed class SqliteDatabaseFixture : IStoreDatabase, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sharpflow-storage-" + Guid.NewGuid().ToString("N")[..12]);

    public string Provider => StorageOptions.Sqlite;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "sharpflow.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
