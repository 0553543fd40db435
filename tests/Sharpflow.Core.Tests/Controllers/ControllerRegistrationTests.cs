using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.DependencyInjection;
using Sharpflow.Core.Events;
using Sharpflow.Core.Leases;
using Sharpflow.Core.Store;
using Sharpflow.Core.Tests.Fakes;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class ControllerRegistrationTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task AddSharpflowControllers_WithLeaseStore_LeadsAndReportsReady()
    {
        var leases = new InMemoryLeaseStore(_time);
        await using var services = Services(s => s.AddSingleton<ILeaseStore>(leases)).BuildServiceProvider(validateScopes: true);
        var manager = Assert.Single(services.GetServices<IHostedService>());

        await manager.StartAsync(CancellationToken.None);
        var status = services.GetRequiredService<IControllerStatus>();
        await Eventually.TrueAsync(() => status.IsLeader && status.IsReady, "the manager leads");
        await manager.StopAsync(CancellationToken.None);

        Assert.Equal(ControllerState.Stopped, status.State);
        Assert.Null(leases.HolderOf("sharpflow-controllers"));
    }

    [Fact]
    public void AddSharpflowControllers_InvalidOptions_FailValidationNamingTheSetting()
    {
        using var services = Services(s => s.AddSharpflowControllers(o => o.Workers = 0)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ControllerOptions>>().Value);

        Assert.Contains("Controllers:Workers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReconciler_SameTypeTwice_RegistersItOnce()
    {
        using var services = Services(s => s.AddReconciler<NoopReconciler>().AddReconciler<NoopReconciler>()).BuildServiceProvider();

        Assert.Single(services.GetServices<IReconciler>());
    }

    private IServiceCollection Services(Action<IServiceCollection> configure)
    {
        var store = new InMemoryResourceStore(_time);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<IResourceStore>(store)
            .AddSingleton<IEventStore>(new InMemoryEventStore())
            .AddSharpflowControllers();
        configure(services);
        return services;
    }

    private sealed class NoopReconciler(IResourceStore store) : IReconciler
    {
        public Sharpflow.Api.Kinds.ResourceKind Kind => TestKinds.Widget;

        public async Task<ReconcileResult> ReconcileAsync(Sharpflow.Api.Resources.ResourceKey key, CancellationToken cancellationToken)
        {
            await store.GetAsync(key, cancellationToken);
            return ReconcileResult.Done;
        }
    }
}
