using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Artifacts;
using Sharpflow.Core.DependencyInjection;
using Sharpflow.Pipelines.Artifacts;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Execution;
using Sharpflow.Pipelines.Python;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Scheduling;

namespace Sharpflow.Pipelines.DependencyInjection;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds KFP pipelines: the Pipeline, PipelineVersion, Experiment, Run and RecurringRun kinds (as <see cref="Api.Kinds.ResourceKind"/>
    /// services for the kind registry), their validators, the Run and RecurringRun reconcilers, the filesystem artifact store under
    /// <c>&lt;DataDirectory&gt;/artifacts</c>, and the Python component runtime. The reconciler runs when the controller
    /// runtime runs (AddSharpflowControllers); it needs an IResourceStore, an IExecutionStore and an IWorkloadRuntime.
    /// </summary>
    public static IServiceCollection AddSharpflowPipelines(this IServiceCollection services, Action<PipelineEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PipelineEngineOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineEngineOptions>, PipelineEngineOptionsValidator>());
        services.AddOptions<PythonRuntimeOptions>();
        services.AddSharpflowFileSystemArtifacts(_ => { });
        services.AddOptions<FileSystemArtifactStoreOptions>()
            .Configure<IOptions<PipelineEngineOptions>>((store, engine) =>
                store.Root ??= Path.Join(engine.Value.DataDirectory ?? string.Empty, "artifacts"));

        foreach (var kind in PipelineKinds.All)
        {
            services.AddSingleton(kind);
        }

        services.AddResourceValidator<RunValidator>();
        services.AddResourceValidator<PipelineVersionValidator>();
        services.AddResourceValidator<RecurringRunValidator>();
        services.AddReconciler<RunReconciler>();
        services.AddReconciler<RecurringRunReconciler>();
        services.AddReconcileSource<RunContextReset>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PythonComponentCommand>();
        services.TryAddSingleton<PipelineArtifactLayout>();
        services.TryAddSingleton<RunContextCache>();
        services.TryAddSingleton<RunContextLoader>();
        services.TryAddSingleton<ContainerTaskRunner>();
        services.TryAddSingleton<ImporterTask>();
        services.TryAddSingleton<DagEngine>();
        return services;
    }
}
