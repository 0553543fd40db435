using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sharpflow.Artifacts.S3;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.DependencyInjection;

public static class S3ArtifactServiceCollectionExtensions
{
    /// <summary>
    /// Registers the S3 artifact store (an <see cref="IArtifactStore"/> for <c>s3://</c> and <c>minio://</c>, or the
    /// configured schemes), its validated options and the <see cref="ArtifactStoreResolver"/>. The resolver prefers
    /// stores registered later: call this after <c>AddSharpflowFileSystemArtifacts</c> so that S3 takes those schemes
    /// over from the filesystem's local mirror. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSharpflowS3Artifacts(this IServiceCollection services, Action<S3ArtifactStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<S3ArtifactStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<S3ArtifactStoreOptions>, S3ArtifactStoreOptionsDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ArtifactStoreOptions>, S3ArtifactStoreOptionsValidator>());
        services.TryAddSingleton<S3ArtifactStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArtifactStore, S3ArtifactStore>(sp => sp.GetRequiredService<S3ArtifactStore>()));
        services.TryAddSingleton<ArtifactStoreResolver>();
        return services;
    }
}
