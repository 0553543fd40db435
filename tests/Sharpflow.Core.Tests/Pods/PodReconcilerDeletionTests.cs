using Sharpflow.Core.Controllers;
using Sharpflow.Core.Pods;

namespace Sharpflow.Core.Tests.Pods;

public sealed class PodReconcilerDeletionTests
{
    private const string Spec = """{ "terminationGracePeriodSeconds": 5, "containers": [{ "name": "main", "command": ["serve"] }] }""";

    private readonly PodFixture _pods = new();

    [Fact]
    public async Task ReconcileAsync_DeletedPod_StopsWithItsGraceDeletesWorkloadsAndReleasesThePod()
    {
        await _pods.CreateAsync("web", Spec);
        await _pods.ReconcileAsync("web");
        var id = await _pods.WorkloadIdAsync("web");
        await _pods.Store.DeleteAsync(PodFixture.Key("web"));
        Assert.NotNull(await _pods.Store.GetAsync(PodFixture.Key("web")));

        Assert.Equal(ReconcileResult.Done, await _pods.ReconcileAsync("web"));

        Assert.Equal([(id, TimeSpan.FromSeconds(5))], _pods.Runtime.Stops);
        Assert.Equal([id], _pods.Runtime.Deleted);
        Assert.Null(await _pods.Store.GetAsync(PodFixture.Key("web")));
        Assert.Contains("Killing", _pods.Events.Reasons);
    }

    [Fact]
    public async Task ReconcileAsync_DeletedPodWithRestarts_DeletesEveryAttempt()
    {
        await _pods.CreateAsync("web", Spec);
        await _pods.ReconcileAsync("web");
        var id = await _pods.WorkloadIdAsync("web");
        _pods.Runtime.Finish(id, 1);
        await _pods.ReconcileAsync("web");
        await _pods.ReconcileAsync("web");
        await _pods.Store.DeleteAsync(PodFixture.Key("web"));

        await _pods.ReconcileAsync("web");

        Assert.Equal([id, id + "-1"], _pods.Runtime.Deleted);
    }

    [Fact]
    public async Task ReconcileAsync_WorkloadOutlivesItsGrace_WaitsOnceThenDeletesIt()
    {
        _pods.Runtime.StopEndsWorkload = false;
        await _pods.CreateAsync("web", Spec);
        await _pods.ReconcileAsync("web");
        await _pods.Store.DeleteAsync(PodFixture.Key("web"));

        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(10)), await _pods.ReconcileAsync("web"));
        _pods.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(6)), await _pods.ReconcileAsync("web"));
        Assert.Single(_pods.Runtime.Stops);
        Assert.Empty(_pods.Runtime.Deleted);
        Assert.Equal("Terminating", (await _pods.StatusAsync("web")).Reason);

        _pods.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(ReconcileResult.Done, await _pods.ReconcileAsync("web"));

        Assert.Single(_pods.Runtime.Deleted);
        Assert.Null(await _pods.Store.GetAsync(PodFixture.Key("web")));
    }

    [Fact]
    public async Task ReconcileAsync_PodGoneWithoutFinalizer_DeletesItsOrphanedWorkloads()
    {
        await _pods.CreateAsync("web", Spec);
        await _pods.CreateAsync("other", Spec);
        await _pods.ReconcileAsync("web");
        await _pods.ReconcileAsync("other");
        var pod = await _pods.GetAsync("web");
        await _pods.Store.UpdateAsync(pod with { Metadata = pod.Metadata with { Finalizers = [] } });
        await _pods.Store.DeleteAsync(PodFixture.Key("web"));

        await _pods.ReconcileAsync("web");

        Assert.Equal([PodWorkloads.Id(pod, 0)], _pods.Runtime.Deleted);
        Assert.Equal(2, (await _pods.Runtime.ListAsync()).Count + _pods.Runtime.Deleted.Count);
    }

    [Fact]
    public async Task ReconcileAsync_PodNeverSeen_DoesNothing()
    {
        Assert.Equal(ReconcileResult.Done, await _pods.ReconcileAsync("ghost"));

        Assert.Empty(_pods.Runtime.Deleted);
    }
}
