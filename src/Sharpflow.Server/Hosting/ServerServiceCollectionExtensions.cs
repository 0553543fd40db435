using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using Sharpflow.Api.Kinds;
using Sharpflow.Artifacts.DependencyInjection;
using Sharpflow.Artifacts.S3;
using Sharpflow.Core.Artifacts;
using Sharpflow.Core.Authorization;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.DependencyInjection;
using Sharpflow.Runtime.Local;
using Sharpflow.Server.Endpoints;
using Sharpflow.Server.Http;
using Sharpflow.Server.KfpApi;
using Sharpflow.Server.Namespaces;
using Sharpflow.Server.Observability;
using Sharpflow.Server.Resources;
using Sharpflow.Storage;

namespace Sharpflow.Server.Hosting;

internal static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// Everything one server runs. Order matters for hosted services: the store migrates, then the
    /// initializer seeds it, then the controllers start, then (last, added by the host) the HTTP server.
    /// </summary>
    public static IServiceCollection AddSharpflowServer(this IServiceCollection services, SharpflowServerOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(SharpflowServerOptions.SectionName);
        services.AddSingleton(options);
        services.AddSingleton(new DataDirectoryLayout(options.DataDirectory!));
        services.TryAddSingleton(TimeProvider.System);

        // Kinds are contributed as ResourceKind services; the registry sees every contribution.
        foreach (var kind in BuiltInKinds.All)
        {
            services.AddSingleton(kind);
        }

        services.AddSingleton(sp => new KindRegistry(sp.GetServices<ResourceKind>()));
        services.AddSingleton<IAuthorizer, SingleUserAuthorizer>();

        services.AddSharpflowStorage(storage =>
        {
            section.GetSection("Store").Bind(storage);
            storage.Provider = options.Store.Provider!;
            storage.ConnectionString = options.Store.ConnectionString!;
        });
        services.AddSharpflowLocalRuntime(runtime =>
        {
            section.GetSection("Runtime").Bind(runtime);
            runtime.DataDirectory = options.DataDirectory;
        });

        // S3-compatible artifact storage (Sharpflow:Artifacts:S3), registered after the filesystem store so that it takes over s3:// and minio://.
        var s3 = section.GetSection("Artifacts:S3");
        if (s3.Get<S3ArtifactStoreOptions>() is { IsEnabled: true })
        {
            services.AddSharpflowFileSystemArtifacts(_ => { });
            services.AddSharpflowS3Artifacts(artifacts => s3.Bind(artifacts));
        }

        services.AddSingleton<ServerReadiness>();
        services.AddHostedService<ServerInitializer>();
        if (options.RunControllers == true)
        {
            services.AddSharpflowControllers(controllers => section.GetSection("Controllers").Bind(controllers));
            services.AddWorkloadOwnerTriggers();
            services.AddSharpflowPods();
            services.AddReconciler<NamespaceReconciler>();
        }

        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<ResourcePathResolver>();
        services.AddSingleton<ResourceAdmission>();
        services.AddSingleton<ResourceHandlers>();
        services.AddSingleton<WatchStreamer>();
        services.AddSingleton<LogStreamer>();
        services.AddSingleton<RunArtifactReader>();
        services.AddKfpApi();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ServerMetrics.MeterName, "Sharpflow.*")
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
