using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Leases;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Tests.Controllers;

/// <summary>A controller manager as the host would build it, started and stopped by the test.</summary>
internal sealed class ManagerHarness : IAsyncDisposable
{
    private bool _stopped;

    public ManagerHarness(
        IResourceStore store,
        FakeTimeProvider time,
        IEnumerable<IReconciler> reconcilers,
        Action<ControllerOptions>? configure = null,
        ILeaseStore? leases = null,
        IEnumerable<IReconcileSource>? sources = null)
    {
        var options = new ControllerOptions { LeaderElection = leases is not null };
        configure?.Invoke(options);
        Manager = new ControllerManager(
            reconcilers, sources ?? [], store, Trigger, Status, Options.Create(options), time, NullLoggerFactory.Instance, leases);
    }

    public ControllerStatus Status { get; } = new();

    public ControllerTrigger Trigger { get; } = new();

    public ControllerManager Manager { get; }

    public Task StartAsync() => Manager.StartAsync(CancellationToken.None);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Manager.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Manager.Dispose();
    }
}
