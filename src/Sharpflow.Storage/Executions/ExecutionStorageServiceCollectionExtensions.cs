using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sharpflow.Core.Executions;
using Sharpflow.Storage.Providers;

namespace Sharpflow.Storage.Executions;

internal static class ExecutionStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IExecutionStore"/> over the configured provider (called by AddSharpflowStorage).</summary>
    public static IServiceCollection AddExecutionStore(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ExecutionDbContext>((sp, builder) =>
        {
            sp.GetRequiredService<IStorageProvider>().Configure(builder);
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        services.TryAddSingleton<IExecutionStore, EfExecutionStore>();
        return services;
    }
}
