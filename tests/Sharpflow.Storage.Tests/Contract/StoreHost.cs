using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Kinds;
using Sharpflow.Core.Events;
using Sharpflow.Core.Leases;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Changes;

namespace Sharpflow.Storage.Tests.Contract;

/// <summary>
/// The stores as the server composes them (through AddSharpflowStorage) over one database. Disposing
/// and creating another host over the same database is a server restart.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public StoreHost(IStoreDatabase database, TimeProvider time, Action<StorageOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton<KindRegistry>(TestKinds.Registry());
        services.AddSharpflowStorage(options =>
        {
            options.Provider = database.Provider;
            options.ConnectionString = database.ConnectionString;
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider();
    }

    public IResourceStore Resources => _services.GetRequiredService<IResourceStore>();

    public IEventStore Events => _services.GetRequiredService<IEventStore>();

    public ILeaseStore Leases => _services.GetRequiredService<ILeaseStore>();

    internal ChangeLogCompactor Compactor => _services.GetRequiredService<ChangeLogCompactor>();

    public static StoreHost WithFakeTime(IStoreDatabase database, out FakeTimeProvider time, Action<StorageOptions>? configure = null)
    {
        time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return new StoreHost(database, time, configure);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
