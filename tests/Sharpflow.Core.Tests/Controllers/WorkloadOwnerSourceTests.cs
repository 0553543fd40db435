using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Kinds;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Tests.Fakes;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class WorkloadOwnerSourceTests
{
    private static readonly ResourceKind OtherWidget = TestKinds.Widget with { Group = "other.sharpflow.io" };

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RunAsync_ReconcilerReactsOnlyToEnds_IsEnqueuedWhenItsWorkloadEndsNotWhenItStarts()
    {
        var runtime = new FakeWorkloadRuntime(_time);
        var trigger = new RecordingTrigger();
        var source = Source(runtime, new FilteringReconciler(TestKinds.Widget, w => w.IsFinished), new FilteringReconciler(TestKinds.Gadget));
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(trigger, stop.Token);
        await Eventually.TrueAsync(() => runtime.WatcherCount == 1, "the source watches");

        await runtime.StartAsync(Owned("w-job", TestKinds.Widget, "w1"));
        await runtime.StartAsync(Owned("g-job", TestKinds.Gadget, "g1"));
        runtime.Finish("w-job", 0);
        await Eventually.TrueAsync(() => trigger.Keys.Contains(TestKinds.Key(TestKinds.Widget, "w1")), "the widget is enqueued");
        await stop.CancelAsync();
        await running;

        Assert.Equal([TestKinds.Key(TestKinds.Gadget, "g1"), TestKinds.Key(TestKinds.Widget, "w1")], trigger.Keys);
    }

    [Fact]
    public async Task RunAsync_OnSubscribe_EnqueuesTheOwnersOfAllWorkloadsWhateverTheyReactTo()
    {
        var runtime = new FakeWorkloadRuntime(_time);
        await runtime.StartAsync(Owned("w-job", TestKinds.Widget, "w0"));
        var trigger = new RecordingTrigger();
        var source = Source(runtime, new FilteringReconciler(TestKinds.Widget, _ => false));
        using var stop = new CancellationTokenSource();

        var running = source.RunAsync(trigger, stop.Token);
        await Eventually.TrueAsync(() => trigger.Keys.Count == 1, "the owner is enqueued");
        await stop.CancelAsync();
        await running;

        Assert.Equal([TestKinds.Key(TestKinds.Widget, "w0")], trigger.Keys);
    }

    [Fact]
    public async Task RunAsync_SameKindNameInTwoGroups_AsksEachGroupsReconcilers()
    {
        var runtime = new FakeWorkloadRuntime(_time);
        var trigger = new RecordingTrigger();
        var source = Source(runtime, new FilteringReconciler(TestKinds.Widget, w => w.IsFinished), new FilteringReconciler(OtherWidget));
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(trigger, stop.Token);
        await Eventually.TrueAsync(() => runtime.WatcherCount == 1, "the source watches");

        await runtime.StartAsync(Owned("job", TestKinds.Widget, "w1"));
        runtime.Finish("job", 0);
        await Eventually.TrueAsync(() => trigger.Keys.Count == 3, "three keys are enqueued");
        await stop.CancelAsync();
        await running;

        var other = new Sharpflow.Api.Resources.ResourceKey(OtherWidget.Group, OtherWidget.Kind, "default", "w1");
        Assert.Equal([other, TestKinds.Key(TestKinds.Widget, "w1"), other], trigger.Keys);
    }

    private WorkloadOwnerSource Source(FakeWorkloadRuntime runtime, params IReconciler[] reconcilers) =>
        new(runtime, reconcilers, _time, NullLogger<WorkloadOwnerSource>.Instance);

    private static WorkloadSpec Owned(string id, ResourceKind kind, string owner) => new()
    {
        Id = id,
        Command = ["true"],
        Labels = new Dictionary<string, string>
        {
            [WorkloadLabels.OwnerKind] = kind.Kind,
            [WorkloadLabels.OwnerName] = owner,
            [WorkloadLabels.Namespace] = "default",
        },
    };
}
