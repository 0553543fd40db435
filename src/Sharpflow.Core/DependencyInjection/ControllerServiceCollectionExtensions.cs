using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Events;

namespace Sharpflow.Core.DependencyInjection;

public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the controller manager (a hosted service), its options, <see cref="IControllerStatus"/>,
    /// <see cref="IControllerTrigger"/> and event recording. Needs an IResourceStore and an IEventStore,
    /// and an ILeaseStore unless <see cref="ControllerOptions.LeaderElection"/> is off. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSharpflowControllers(this IServiceCollection services, Action<ControllerOptions>? configure = null)
    {
        var options = services.AddOptions<ControllerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControllerOptions>, ControllerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ControllerStatus>();
        services.TryAddSingleton<IControllerStatus>(sp => sp.GetRequiredService<ControllerStatus>());
        services.TryAddSingleton<ControllerTrigger>();
        services.TryAddSingleton<IControllerTrigger>(sp => sp.GetRequiredService<ControllerTrigger>());
        services.TryAddSingleton<IEventRecorderFactory, EventRecorderFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IEventRecorderFactory>().Create("sharpflow"));
        services.AddHostedService<ControllerManager>();
        return services;
    }

    /// <summary>Registers a reconciler (a singleton) with the controller manager.</summary>
    public static IServiceCollection AddReconciler<T>(this IServiceCollection services)
        where T : class, IReconciler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReconciler, T>());
        return services;
    }

    /// <summary>Registers a source of external triggers, run while controllers run.</summary>
    public static IServiceCollection AddReconcileSource<T>(this IServiceCollection services)
        where T : class, IReconcileSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReconcileSource, T>());
        return services;
    }

    /// <summary>Registers a validator the API calls before creating or updating objects of its kind.</summary>
    public static IServiceCollection AddResourceValidator<T>(this IServiceCollection services)
        where T : class, IResourceValidator
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceValidator, T>());
        return services;
    }

    /// <summary>
    /// Enqueues the owner of each workload whose status changes (by the workload owner labels), for
    /// every reconciler of the owner's kind. Needs an IWorkloadRuntime.
    /// </summary>
    public static IServiceCollection AddWorkloadOwnerTriggers(this IServiceCollection services) =>
        services.AddReconcileSource<WorkloadOwnerSource>();
}
