using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sharpflow.Core.Artifacts;

public static class ArtifactServiceCollectionExtensions
{
    /// <summary>
    /// Registers the filesystem artifact store (an <see cref="IArtifactStore"/>) over <paramref name="configure"/>'s
    /// root, and the <see cref="ArtifactStoreResolver"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSharpflowFileSystemArtifacts(this IServiceCollection services, Action<FileSystemArtifactStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FileSystemArtifactStoreOptions>().Configure(configure);
        services.TryAddSingleton<FileSystemArtifactStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArtifactStore, FileSystemArtifactStore>(sp => sp.GetRequiredService<FileSystemArtifactStore>()));
        services.TryAddSingleton<ArtifactStoreResolver>();
        return services;
    }
}
