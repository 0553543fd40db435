using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Server.Namespaces;

namespace Sharpflow.Server.Hosting;

/// <summary>
/// Runs before the controllers and the HTTP server start: waits for the store (which migrates its
/// schema on first use), makes sure the <c>default</c> namespace exists, then reports the store ready.
/// </summary>
internal sealed partial class ServerInitializer(
    IResourceStore store,
    ServerReadiness readiness,
    ILogger<ServerInitializer> logger) : IHostedService
{
    public const string DefaultNamespace = "default";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var key = new ResourceKey(BuiltInKinds.Namespace.Group, BuiltInKinds.Namespace.Kind, null, DefaultNamespace);
        if (await store.GetAsync(key, cancellationToken) is null)
        {
            try
            {
                await NamespaceDefaults.CreateAsync(
                    store,
                    new Resource
                    {
                        ApiVersion = BuiltInKinds.Namespace.ApiVersion,
                        Kind = BuiltInKinds.Namespace.Kind,
                        Metadata = new ObjectMeta { Name = DefaultNamespace },
                    },
                    cancellationToken);
                LogCreatedDefaultNamespace();
            }
            catch (ResourceException e) when (e.Reason == "AlreadyExists")
            {
                // Another replica on the same database created it first.
            }
        }

        readiness.MarkStoreReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the default namespace")]
    private partial void LogCreatedDefaultNamespace();
}
