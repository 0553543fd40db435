using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Tests.Fakes;
using static Sharpflow.Core.Tests.Controllers.TestKinds;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class LeaderElectionTests : IAsyncLifetime
{
    private const string Lease = "sharpflow-controllers";

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryResourceStore _store;
    private readonly InMemoryLeaseStore _leases;
    private readonly RecordingReconciler _first;
    private readonly RecordingReconciler _second;
    private readonly ManagerHarness _a;
    private readonly ManagerHarness _b;

    public LeaderElectionTests()
    {
        _store = new InMemoryResourceStore(_time);
        _leases = new InMemoryLeaseStore(_time);
        _first = new RecordingReconciler(_store, _time, Widget);
        _second = new RecordingReconciler(_store, _time, Widget);
        // A long lease relative to the renew interval: fake time runs ahead of the electors' timers, and
        // only a missed release or renewal, not scheduling lag, may let the standby in.
        _a = new ManagerHarness(_store, _time, [_first], LongLease, _leases);
        _b = new ManagerHarness(_store, _time, [_second], LongLease, _leases);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task TwoManagers_OneLease_OnlyTheLeaderRunsControllers()
    {
        await _store.CreateAsync(New(Widget, "a"));

        await _a.StartAsync();
        await Eventually.TrueAsync(() => _a.Status.State == ControllerState.Running, "the first manager leads");
        await _b.StartAsync();
        await Eventually.TrueAsync(() => _b.Status.State == ControllerState.StandingBy, "the second stands by");
        var firstExpiry = _leases.ExpiryOf(Lease);
        await Eventually.TrueAsync(() => _leases.ExpiryOf(Lease) > firstExpiry + TimeSpan.FromSeconds(10), "the leader renews twice", _time, Step);

        await _store.CreateAsync(New(Widget, "b"));
        await Eventually.TrueAsync(() => _first.CountFor("b") == 1, "the leader reconciles the new widget");
        Assert.Equal(_a.Manager.Elector!.HolderId, _leases.HolderOf(Lease));
        Assert.True(_a.Status.IsLeader && _a.Status.IsReady);
        Assert.True(!_b.Status.IsLeader && _b.Status.IsReady);
        Assert.Empty(_second.Calls);
    }

    [Fact]
    public async Task LeaderStops_StandbyTakesOverWithinOneRenewInterval()
    {
        await _store.CreateAsync(New(Widget, "a"));
        await _a.StartAsync();
        await Eventually.TrueAsync(() => _a.Status.State == ControllerState.Running, "the first manager leads");
        await _b.StartAsync();
        await Eventually.TrueAsync(() => _b.Status.State == ControllerState.StandingBy, "the second stands by");

        var stoppedAt = _time.GetUtcNow();
        await _a.StopAsync();
        Assert.Null(_leases.HolderOf(Lease));

        await Eventually.TrueAsync(() => _b.Status.State == ControllerState.Running, "the second manager leads", _time, Step);
        Assert.True(_time.GetUtcNow() - stoppedAt < TimeSpan.FromSeconds(30), "the standby took over long before the lease could expire");
        await Eventually.TrueAsync(() => _second.CountFor("a") == 1, "the new leader lists and reconciles");
        Assert.Equal(_b.Manager.Elector!.HolderId, _leases.HolderOf(Lease));
    }

    [Fact]
    public async Task LeaseTakenByAnother_LeaderStopsItsControllersAtTheNextRenewal()
    {
        await _a.StartAsync();
        await Eventually.TrueAsync(() => _a.Status.State == ControllerState.Running, "the manager leads");

        _leases.Steal(Lease, "someone-else", TimeSpan.FromMinutes(10));

        await Eventually.TrueAsync(() => _a.Status.State == ControllerState.StandingBy, "the manager stands by", _time, Step);
        await _store.CreateAsync(New(Widget, "after-loss"));
        _a.Trigger.Enqueue(Key(Widget, "after-loss"));
        Assert.Equal(0, _store.WatcherCount);
        Assert.Equal(0, _first.CountFor("after-loss"));
    }

    [Fact]
    public async Task RenewalsKeepFailing_LeaderGivesUpBeforeTheLeaseExpires()
    {
        var leases = new FailingLeaseStore(_leases);
        var options = new ControllerOptions();
        var elector = new LeaderElector(leases, options, _time, NullLogger.Instance, "me");
        var leading = new TaskCompletionSource<CancellationToken>();
        using var stop = new CancellationTokenSource();
        var run = elector.RunAsync(
            async token =>
            {
                leading.TrySetResult(token);
                await Task.Delay(Timeout.Infinite, token);
            },
            onStandby: null,
            stop.Token);
        var term = await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var acquiredAt = _time.GetUtcNow();

        leases.Failing = true;
        await Eventually.TrueAsync(() => term.IsCancellationRequested, "the term is cancelled", _time, TimeSpan.FromSeconds(1));

        Assert.True(_time.GetUtcNow() - acquiredAt < options.LeaseDuration);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static void LongLease(ControllerOptions options) => options.LeaseDuration = TimeSpan.FromMinutes(1);

    private sealed class FailingLeaseStore(InMemoryLeaseStore inner) : Sharpflow.Core.Leases.ILeaseStore
    {
        public bool Failing { get; set; }

        public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
            Failing ? throw new IOException("database unavailable") : inner.TryAcquireAsync(name, holder, duration, cancellationToken);

        public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
            inner.ReleaseAsync(name, holder, cancellationToken);
    }
}
