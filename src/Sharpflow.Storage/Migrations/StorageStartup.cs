using Microsoft.Extensions.Hosting;

namespace Sharpflow.Storage.Migrations;

/// <summary>Applies migrations when the host starts.</summary>
internal sealed class StorageStartup(StorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
