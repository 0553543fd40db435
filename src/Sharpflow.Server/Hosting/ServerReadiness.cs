using Microsoft.Extensions.DependencyInjection;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Server.Hosting;

/// <summary>Ready once the store is migrated and seeded and, when this server runs them, the controllers have started.</summary>
internal sealed class ServerReadiness(SharpflowServerOptions options, IServiceProvider services)
{
    private volatile bool _storeReady;

    public void MarkStoreReady() => _storeReady = true;

    /// <summary>Null when ready, else what is still missing.</summary>
    public string? WhyNotReady()
    {
        if (!_storeReady)
        {
            return "the store is not migrated yet";
        }

        if (options.RunControllers == true && services.GetService<IControllerStatus>() is { IsReady: false } controllers)
        {
            return $"the controllers are {controllers.State}";
        }

        return null;
    }
}
