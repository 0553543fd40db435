using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Server.KfpApi.Packages;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

internal static class KfpApiServiceCollectionExtensions
{
    /// <summary>The services behind <see cref="KfpApiEndpoints.MapKfpApi"/>.</summary>
    public static IServiceCollection AddKfpApi(this IServiceCollection services)
    {
        services.AddHttpClient(PipelinePackageFetcher.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<KfpStore>();
        services.AddSingleton<KfpAdmission>();
        services.AddSingleton<KfpExperiments>();
        services.AddSingleton<PipelineSourceReader>();
        services.AddSingleton<RunSettingsReader>();
        services.AddSingleton<PipelinePackageFetcher>();
        services.AddSingleton<PipelineVersionFactory>();
        services.AddSingleton<PipelineFactory>();
        services.AddSingleton<KfpPipelineHandlers>();
        services.AddSingleton<KfpPipelineVersionHandlers>();
        services.AddSingleton<KfpUploadHandlers>();
        services.AddSingleton<KfpExperimentHandlers>();
        services.AddSingleton<KfpRunHandlers>();
        services.AddSingleton<KfpRecurringRunHandlers>();
        services.AddSingleton<KfpNodeHandlers>();
        return services;
    }
}
