using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Api.Kinds;
using Sharpflow.Core.Events;
using Sharpflow.Core.Leases;
using Sharpflow.Core.Store;
using Sharpflow.Storage.Changes;
using Sharpflow.Storage.Data;
using Sharpflow.Storage.Events;
using Sharpflow.Storage.Executions;
using Sharpflow.Storage.Leases;
using Sharpflow.Storage.Migrations;
using Sharpflow.Storage.Providers;
using Sharpflow.Storage.Resources;

namespace Sharpflow.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IResourceStore"/>, <see cref="IEventStore"/>, <see cref="ILeaseStore"/> and
    /// <see cref="Core.Executions.IExecutionStore"/> on
    /// SQLite or PostgreSQL, a hosted service that applies the schema migrations at start (the stores
    /// also apply them on first use), and one that compacts the change log.
    /// Uses the registered <see cref="KindRegistry"/> and <see cref="TimeProvider"/> (defaults when absent).
    /// </summary>
    public static IServiceCollection AddSharpflowStorage(this IServiceCollection services, Action<StorageOptions> configure)
    {
        services.AddOptions<StorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new KindRegistry(BuiltInKinds.All));

        services.TryAddSingleton<IStorageProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UsesPostgres
                ? new PostgresStorageProvider(options.ConnectionString)
                : new SqliteStorageProvider(options.ConnectionString);
        });
        services.AddPooledDbContextFactory<StorageDbContext>((sp, builder) =>
        {
            sp.GetRequiredService<IStorageProvider>().Configure(builder);
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, LogLevel.Debug)));
        });

        services.TryAddSingleton<KindLookup>();
        services.TryAddSingleton<WriteGate>();
        services.TryAddSingleton<ChangeSignal>();
        services.TryAddSingleton<ChangeFeed>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<StorageInitializer>();
        services.TryAddSingleton<EfResourceStore>();
        services.TryAddSingleton<IResourceStore>(sp => sp.GetRequiredService<EfResourceStore>());
        services.TryAddSingleton<IEventStore, EfEventStore>();
        services.TryAddSingleton<ILeaseStore, EfLeaseStore>();
        services.AddExecutionStore();
        services.TryAddSingleton<ChangeLogCompactor>();
        services.AddHostedService<StorageStartup>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ChangeLogCompactor>());
        return services;
    }
}
