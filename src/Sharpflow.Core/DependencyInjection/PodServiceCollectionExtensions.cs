using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Core.Pods;

namespace Sharpflow.Core.DependencyInjection;

public static class PodServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Pod reconciler, its workload trigger and its validator (and the controller runtime, if not
    /// added yet). Needs an IWorkloadRuntime. The Pod kind itself is <see cref="Api.Kinds.BuiltInKinds.Pod"/>.
    /// </summary>
    public static IServiceCollection AddSharpflowPods(this IServiceCollection services) =>
        services
            .AddSharpflowControllers()
            .AddReconciler<PodReconciler>()
            .AddWorkloadOwnerTriggers()
            .AddResourceValidator<PodValidator>();
}
