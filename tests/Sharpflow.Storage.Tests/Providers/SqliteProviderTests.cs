using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Tests.Contract;

namespace Sharpflow.Storage.Tests.Providers;

public sealed class SqliteProviderTests : IDisposable
{
    private readonly SqliteDatabaseFixture _database = new();

    [Fact]
    public async Task Connections_AfterStart_UseWalNormalSyncBusyTimeoutAndBackgroundCheckpoints()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSharpflowStorage(o => o.ConnectionString = _database.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<Core.Store.IResourceStore>().GetCurrentVersionAsync();
        var contexts = provider.GetRequiredService<IDbContextFactory<StorageDbContext>>();

        for (var i = 0; i < 3; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode;"));
            Assert.Equal("1", await ScalarAsync(db, "PRAGMA synchronous;"));
            Assert.Equal("10000", await ScalarAsync(db, "PRAGMA busy_timeout;"));
            Assert.Equal("0", await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
        }
    }

    public void Dispose() => _database.Dispose();

    private static async Task<string?> ScalarAsync(StorageDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
