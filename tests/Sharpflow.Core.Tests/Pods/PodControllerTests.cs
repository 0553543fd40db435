using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.DependencyInjection;
using Sharpflow.Core.Events;
using Sharpflow.Core.Pods;
using Sharpflow.Core.Store;
using Sharpflow.Core.Tests.Fakes;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Tests.Pods;

/// <summary>The Pod controller as the server registers it, driven only by store and workload changes.</summary>
public sealed class PodControllerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryResourceStore _store;
    private readonly FakeWorkloadRuntime _runtime;
    private readonly InMemoryEventStore _events = new();
    private readonly ServiceProvider _services;

    public PodControllerTests()
    {
        _store = new InMemoryResourceStore(_time);
        _runtime = new FakeWorkloadRuntime(_time);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<IResourceStore>(_store)
            .AddSingleton<IEventStore>(_events)
            .AddSingleton<IWorkloadRuntime>(_runtime)
            .AddSharpflowControllers(o => o.LeaderElection = false)
            .AddSharpflowPods()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async Task InitializeAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }

    [Fact]
    public void AddSharpflowPods_Registrations_ExposeOneManagerValidatorStatusAndTrigger()
    {
        Assert.Single(_services.GetServices<IHostedService>());
        Assert.Equal("Pod", Assert.Single(_services.GetServices<IResourceValidator>()).Kind.Kind);
        Assert.Equal("Pod", Assert.Single(_services.GetServices<IReconciler>()).Kind.Kind);
        Assert.NotNull(_services.GetRequiredService<IControllerTrigger>());
        Assert.NotNull(_services.GetRequiredService<IEventRecorder>());
    }

    [Fact]
    public async Task Pod_WorkloadRunsAndExits_StatusFollowsWithoutPolling()
    {
        var status = _services.GetRequiredService<IControllerStatus>();
        await Eventually.TrueAsync(() => status.IsReady && _store.WatcherCount == 1 && _runtime.WatcherCount == 1, "controllers run and watch");

        await _store.CreateAsync(new Resource
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta { Name = "hello", Namespace = "default" },
            Spec = JsonNode.Parse("""{ "restartPolicy": "Never", "containers": [{ "name": "main", "image": "busybox", "command": ["echo", "hi"] }] }""")!.AsObject(),
        });
        await Eventually.TrueAsync(async () => await PhaseAsync() == PodPhases.Running, "the pod runs");

        _runtime.Finish(_runtime.Started[0].Id, 0);
        await Eventually.TrueAsync(async () => await PhaseAsync() == PodPhases.Succeeded, "the pod succeeds");

        await _store.DeleteAsync(PodFixture.Key("hello"));
        await Eventually.TrueAsync(async () => await GetAsync() is null, "the finalizer lets the pod go");
        Assert.Equal([_runtime.Started[0].Id], _runtime.Deleted);
        Assert.Equal(["Scheduled", "Started", "Completed"], _events.Reasons);
    }

    private Task<Resource?> GetAsync() => _store.GetAsync(PodFixture.Key("hello"));

    private async Task<string?> PhaseAsync() => (await GetAsync())?.GetStatus<PodStatus>()?.Phase;
}
