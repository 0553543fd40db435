using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local;

public static class LocalRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Runs workloads as local processes: registers <see cref="IWorkloadRuntime"/>, validated
    /// <see cref="LocalRuntimeOptions"/> (checked when the host starts), and a hosted service that re-adopts the
    /// workloads found on disk at start-up. Needs logging; uses the registered <see cref="TimeProvider"/> or the system clock.
    /// </summary>
    public static IServiceCollection AddSharpflowLocalRuntime(this IServiceCollection services, Action<LocalRuntimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LocalRuntimeOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalRuntimeOptions>, LocalRuntimeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalProcessRuntime>();
        services.AddSingleton<IWorkloadRuntime>(provider => provider.GetRequiredService<LocalProcessRuntime>());
        services.AddHostedService<LocalRuntimeInitializer>();
        return services;
    }
}
