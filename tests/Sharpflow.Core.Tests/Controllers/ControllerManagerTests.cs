using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Tests.Fakes;
using static Sharpflow.Core.Tests.Controllers.TestKinds;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class ControllerManagerTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryResourceStore _store;
    private readonly RecordingReconciler _widgets;
    private ManagerHarness? _harness;

    public ControllerManagerTests()
    {
        _store = new InMemoryResourceStore(_time);
        _widgets = new RecordingReconciler(_store, _time, Widget, Gadget);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartAsync_ExistingObjects_ReconcilesEachAndBecomesReady()
    {
        await _store.CreateAsync(New(Widget, "a"));
        await _store.CreateAsync(New(Widget, "b"));
        await _store.CreateAsync(New(Gadget, "not-a-widget"));

        await StartAsync();

        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 1 && _widgets.CountFor("b") == 1, "both widgets are reconciled");
        await Eventually.TrueAsync(() => _harness!.Status.IsReady, "the manager is ready");
        Assert.DoesNotContain(_widgets.Calls, c => c.Key.Kind == "Gadget");
    }

    [Fact]
    public async Task Watch_CreateUpdateDelete_ReconcilesEveryChange()
    {
        await StartAsync();

        var created = await _store.CreateAsync(New(Widget, "a"));
        await Eventually.TrueAsync(() => _widgets.Calls.Any(c => c.Seen?.Metadata.Generation == 1), "the new widget is reconciled");

        created.Spec!["size"] = 2;
        await _store.UpdateAsync(created);
        await Eventually.TrueAsync(() => _widgets.Calls.Any(c => c.Seen?.Metadata.Generation == 2), "the changed widget is reconciled");

        await _store.DeleteAsync(Key(Widget, "a"));
        await Eventually.TrueAsync(() => _widgets.Calls[^1].Seen is null, "the deleted widget is reconciled");
    }

    [Fact]
    public async Task Observe_ListedAndWatchedChanges_AreShownToTheReconcilerOfTheirKind()
    {
        var listed = await _store.CreateAsync(New(Widget, "listed"));
        await _store.CreateAsync(New(Gadget, "other-kind"));
        await StartAsync();
        await Eventually.TrueAsync(() => _widgets.CountFor("listed") == 1, "the listed widget is reconciled");

        var created = await _store.CreateAsync(New(Widget, "a"));
        created.Spec!["size"] = 2;
        var updated = await _store.UpdateAsync(created);
        await _store.DeleteAsync(Key(Widget, "a"));

        await Eventually.TrueAsync(() => _widgets.Observed.Count(o => o.Name == "a") == 3, "every change of the widget is observed");
        Assert.Equal((WatchEventType.Added, "listed", listed.Metadata.ResourceVersion), _widgets.Observed[0]);
        var changes = _widgets.Observed.Where(o => o.Name == "a").ToList();
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], changes.Select(o => o.Type));
        Assert.Equal([created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion], changes.Take(2).Select(o => o.Version));
        Assert.DoesNotContain(_widgets.Observed, o => o.Name == "other-kind");
    }

    [Fact]
    public async Task Watch_OwnedChildChanges_EnqueuesOnlyTheControllerOwner()
    {
        var owner = await _store.CreateAsync(New(Widget, "owner"));
        var bystander = await _store.CreateAsync(New(Widget, "bystander"));
        await StartAsync(o => o.Workers = 1);
        await Eventually.TrueAsync(() => _widgets.CountFor("owner") == 1 && _widgets.CountFor("bystander") == 1, "the initial list is reconciled");

        await _store.CreateAsync(New(Gadget, "referencing", owner: OwnedBy(bystander, controller: false)));
        await _store.CreateAsync(New(Gadget, "controlled", owner: OwnedBy(owner, controller: true)));

        await Eventually.TrueAsync(() => _widgets.CountFor("owner") == 2, "the controller owner is reconciled");
        Assert.Equal(1, _widgets.CountFor("bystander"));
        Assert.DoesNotContain(_widgets.Calls, c => c.Key.Kind == "Gadget");
    }

    [Fact]
    public async Task Watch_FailsWithGone_RelistsAndWatchesAgain()
    {
        await _store.CreateAsync(New(Widget, "a"));
        await StartAsync();
        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 1 && _store.WatcherCount == 1, "the manager watches");
        var lists = _store.ListCalls;

        _store.BreakWatches(ResourceException.Gone("too old resource version"));

        await Eventually.TrueAsync(() => _store.ListCalls > lists && _store.WatcherCount == 1, "the manager lists and watches again", _time);
        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 2, "the re-list enqueues existing objects");
        await _store.CreateAsync(New(Widget, "b"));
        await Eventually.TrueAsync(() => _widgets.CountFor("b") == 1, "changes after the new watch are dispatched");
    }

    [Fact]
    public async Task Resync_PeriodElapses_ReconcilesEveryObjectAgain()
    {
        await _store.CreateAsync(New(Widget, "a"));
        await StartAsync(o => o.ResyncPeriod = TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 1, "the initial list is reconciled");

        var step = TimeSpan.FromSeconds(1);
        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 2, "the resync reconciles again", _time, step);

        // Upper bounds leave room for the worker to lag behind fake time while the test keeps stepping it.
        Assert.InRange(_widgets.GapsFor("a")[0], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(70));
    }

    [Fact]
    public async Task Reconcile_Throws_RetriesWithBackoffUntilItSucceeds()
    {
        _widgets.Behaviour = (_, attempt) => attempt < 3
            ? throw new InvalidOperationException("not yet")
            : Task.FromResult(ReconcileResult.Done);
        await _store.CreateAsync(New(Widget, "a"));
        await StartAsync(o => o.BackoffBase = TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 4, "the fourth attempt succeeds", _time, Step);
        _time.Advance(TimeSpan.FromMinutes(5));

        var gaps = _widgets.GapsFor("a");
        Assert.Equal(3, gaps.Count);
        Assert.InRange(gaps[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) - Step);
        Assert.InRange(gaps[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) - Step);
        Assert.InRange(gaps[2], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8) - Step);
    }

    [Fact]
    public async Task Reconcile_RequeueAfter_ReconcilesAgainAfterTheDelay()
    {
        _widgets.Behaviour = (_, attempt) => Task.FromResult(attempt == 0 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done);
        await _store.CreateAsync(New(Widget, "a"));
        await StartAsync();

        var step = TimeSpan.FromMilliseconds(500);
        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 2, "the requeued reconcile runs", _time, step);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, _widgets.CountFor("a"));
        Assert.InRange(_widgets.GapsFor("a")[0], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35));
    }

    [Fact]
    public async Task Reconcile_KeyChangesWhileBeingReconciled_RunsAgainAfterwardsButNeverConcurrently()
    {
        var release = new TaskCompletionSource();
        _widgets.Behaviour = async (_, attempt) =>
        {
            if (attempt == 0)
            {
                await release.Task;
            }

            return ReconcileResult.Done;
        };
        var widget = await _store.CreateAsync(New(Widget, "a"));
        await StartAsync(o => o.Workers = 4);
        await Eventually.TrueAsync(() => _widgets.CountFor("a") == 1, "the first reconcile is running");

        for (var size = 2; size <= 5; size++)
        {
            widget.Spec!["size"] = size;
            widget = await _store.UpdateAsync(widget with { Metadata = widget.Metadata with { ResourceVersion = null } });
        }

        await Eventually.TrueAsync(() => _store.WatcherCount == 1 && _widgets.Calls.Count == 1, "the updates are watched");
        release.SetResult();

        await Eventually.TrueAsync(() => _widgets.Calls[^1].Seen?.Metadata.Generation == 5, "the latest version is reconciled");
        Assert.Equal(1, _widgets.MaxConcurrent);
        Assert.InRange(_widgets.CountFor("a"), 2, 5);
    }

    [Fact]
    public async Task Trigger_Enqueue_ReconcilesTheKeyWhileRunning()
    {
        await StartAsync();
        await Eventually.TrueAsync(() => _harness!.Status.State == ControllerState.Running, "controllers run");

        _harness!.Trigger.Enqueue(Key(Widget, "external"));

        await Eventually.TrueAsync(() => _widgets.CountFor("external") == 1, "the triggered key is reconciled");
    }

    [Fact]
    public async Task StopAsync_Running_StopsWorkersAndDropsTriggers()
    {
        await StartAsync();
        await Eventually.TrueAsync(() => _harness!.Status.State == ControllerState.Running, "controllers run");

        await _harness!.StopAsync();
        _harness.Trigger.Enqueue(Key(Widget, "late"));
        await _store.CreateAsync(New(Widget, "later"));

        Assert.Equal(ControllerState.Stopped, _harness.Status.State);
        Assert.Equal(0, _store.WatcherCount);
        Assert.Empty(_widgets.Calls);
    }

    private async Task StartAsync(Action<ControllerOptions>? configure = null)
    {
        _harness = new ManagerHarness(_store, _time, [_widgets], configure);
        await _harness.StartAsync();
        await Eventually.TrueAsync(() => _store.WatcherCount == 1, "the manager watches the store");
    }
}
