using Microsoft.Extensions.Hosting;

namespace Sharpflow.Runtime.Local;

/// <summary>Re-adopts or settles the workloads on disk when the host starts, before the first request needs them.</summary>
internal sealed class LocalRuntimeInitializer(LocalProcessRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
