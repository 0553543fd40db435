using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Tests.Contract;

public abstract partial class ResourceStoreContractTests
{
    [Fact]
    public async Task WatchAsync_FromVersion_ReplaysChangesInOrderThenFollowsLive()
    {
        var start = await StartVersionAsync();
        var a = await Store.CreateAsync(Widget("a"));
        await Store.UpdateAsync(a with { Spec = new JsonObject { ["size"] = 2 } });
        await Store.DeleteAsync(WidgetKey("a"));

        var watch = CollectAsync(Store.WatchAsync(new WatchQuery { Group = TestKinds.Group, Kind = "Widget", Namespace = Namespace, ResourceVersion = start }), 4);
        await Store.CreateAsync(Widget("b"));
        var events = await watch;

        Assert.Equal(
            [(WatchEventType.Added, "a"), (WatchEventType.Modified, "a"), (WatchEventType.Deleted, "a"), (WatchEventType.Added, "b")],
            events.Select(e => (e.Type, e.Object.Metadata.Name)));
        Assert.Equal(2, events[1].Object.Spec!["size"]!.GetValue<int>());
        var versions = events.Select(e => Version(e.Object)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task WatchAsync_WithoutVersion_DeliversOnlyLaterChanges()
    {
        await Store.CreateAsync(Widget("before"));
        using var cancel = new CancellationTokenSource(WaitLimit);
        await using var watch = Store.WatchAsync(new WatchQuery { Namespace = Namespace }).GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync().AsTask();

        // The watch starts at whatever is current when it begins; write until it has begun and reports one.
        for (var i = 0; !next.IsCompleted; i++)
        {
            await Store.CreateAsync(Widget($"after-{i}"));
            await Task.WhenAny(next, Task.Delay(20, cancel.Token));
        }

        Assert.True(await next);
        Assert.StartsWith("after-", watch.Current.Object.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_AfterRestart_ResumesFromLastSeenVersionWithoutGaps()
    {
        var first = await Store.CreateAsync(Widget("first"));
        await Store.CreateAsync(Widget("missed-1"));
        await Store.CreateAsync(Widget("missed-2"));
        await Host.DisposeAsync();

        var restarted = StartHost(out _).Resources;
        var watch = CollectAsync(restarted.WatchAsync(new WatchQuery { Namespace = Namespace, ResourceVersion = first.Metadata.ResourceVersion }), 3);
        await restarted.CreateAsync(Widget("live"));

        Assert.Equal(["missed-1", "missed-2", "live"], (await watch).Select(e => e.Object.Metadata.Name));
    }

    [Fact]
    public async Task WatchAsync_ChangeByAnotherReplica_IsDeliveredByPolling()
    {
        var replica = StartHost(out _).Resources;
        await using var poller = new StoreHost(Database, TimeProvider.System, o => o.WatchPollInterval = TimeSpan.FromMilliseconds(50));
        var from = await poller.Resources.GetCurrentVersionAsync();
        var watch = CollectAsync(poller.Resources.WatchAsync(new WatchQuery { Namespace = Namespace, ResourceVersion = from }), 1);

        await replica.CreateAsync(Widget("elsewhere"));

        Assert.Equal("elsewhere", (await watch)[0].Object.Metadata.Name);
    }

    [Fact]
    public async Task WatchAsync_KindNamespaceAndLabelFilters_DeliverOnlyMatchingChanges()
    {
        var start = await StartVersionAsync();
        await Store.CreateAsync(Widget("other-ns", Labels(("app", "web")), ns: Namespace + "-o"));
        await Store.CreateAsync(Widget("no-label"));
        await Store.CreateAsync(new Resource
        {
            ApiVersion = TestKinds.ApiVersion,
            Kind = TestKinds.Gadget.Kind,
            Metadata = new ObjectMeta { Name = "gadget", Namespace = Namespace, Labels = Labels(("app", "web")) },
        });
        await Store.CreateAsync(Widget("match", Labels(("app", "web"))));

        var events = await CollectAsync(
            Store.WatchAsync(new WatchQuery { Group = TestKinds.Group, Kind = "Widget", Namespace = Namespace, LabelSelector = "app=web", ResourceVersion = start }),
            1);

        Assert.Equal("match", events[0].Object.Metadata.Name);
    }

    [Fact]
    public async Task WatchAsync_LabelSelector_ObjectThatStartsOrStopsMatchingIsAddedOrDeleted()
    {
        var start = await StartVersionAsync();
        var w = await Store.CreateAsync(Widget("w", Labels(("app", "db"))));
        w = await Store.UpdateAsync(w with { Metadata = w.Metadata with { Labels = Labels(("app", "web")) } });
        w = await Store.UpdateAsync(w with { Spec = new JsonObject { ["size"] = 2 } });
        w = await Store.UpdateAsync(w with { Metadata = w.Metadata with { Labels = Labels(("app", "db"), ("tier", "x")) } });
        await Store.UpdateAsync(w with { Spec = new JsonObject { ["size"] = 3 } });
        await Store.CreateAsync(Widget("x", Labels(("app", "web"))));
        await Store.DeleteAsync(WidgetKey("x"));

        var events = await CollectAsync(
            Store.WatchAsync(new WatchQuery { Group = TestKinds.Group, Kind = "Widget", Namespace = Namespace, LabelSelector = "app=web", ResourceVersion = start }),
            5);

        Assert.Equal(
            [(WatchEventType.Added, "w"), (WatchEventType.Modified, "w"), (WatchEventType.Deleted, "w"), (WatchEventType.Added, "x"), (WatchEventType.Deleted, "x")],
            events.Select(e => (e.Type, e.Object.Metadata.Name)));
        Assert.Equal("db", events[2].Object.Metadata.Labels!["app"]);
    }

    [Fact]
    public async Task WatchAsync_CompactedVersion_ThrowsGone()
    {
        var host = StartHost(out var time, o =>
        {
            o.ChangeLogRetainCount = 2;
            o.ChangeLogRetainAge = TimeSpan.FromMinutes(1);
        });
        var store = host.Resources;
        var old = await store.CreateAsync(Widget("old-1"));
        await store.CreateAsync(Widget("old-2"));
        await store.CreateAsync(Widget("old-3"));
        await store.CreateAsync(Widget("old-4"));
        time.Advance(TimeSpan.FromMinutes(2));

        var compacted = await host.Compactor.CompactAsync(CancellationToken.None);

        Assert.True(compacted >= Version(old));
        var error = await Assert.ThrowsAsync<ResourceException>(
            () => CollectAsync(store.WatchAsync(new WatchQuery { Namespace = Namespace, ResourceVersion = old.Metadata.ResourceVersion }), 1));
        Assert.Equal(410, error.Code);
        var recent = await CollectAsync(store.WatchAsync(new WatchQuery { Namespace = Namespace, ResourceVersion = compacted.ToString(System.Globalization.CultureInfo.InvariantCulture) }), 1);
        Assert.NotEmpty(recent);
    }

    [Fact]
    public async Task WatchAsync_ManyWatchersDuringWrites_EachReceivesEveryChangeInOrder()
    {
        const int changes = 60;
        var start = await StartVersionAsync();
        var watchers = Enumerable.Range(0, 6)
            .Select(i => CollectAsync(Store.WatchAsync(new WatchQuery { Namespace = Namespace, ResourceVersion = i % 2 == 0 ? start : null }), i % 2 == 0 ? changes : 1))
            .ToList();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < changes / 3; i++)
            {
                await Store.CreateAsync(Widget($"w{w}-{i}"));
            }
        }));
        await Task.WhenAll(writers);

        var received = await Task.WhenAll(watchers);

        var fromStart = received.Where((_, i) => i % 2 == 0).ToList();
        Assert.All(fromStart, events =>
        {
            Assert.Equal(changes, events.Select(e => e.Object.Metadata.Name).Distinct().Count());
            var versions = events.Select(e => Version(e.Object)).ToList();
            Assert.Equal(versions.Order(), versions);
        });
        Assert.All(fromStart.Skip(1), events => Assert.Equal(
            fromStart[0].Select(e => e.Object.Metadata.ResourceVersion),
            events.Select(e => e.Object.Metadata.ResourceVersion)));
    }

    [Fact]
    public async Task WatchAsync_MalformedVersion_ThrowsBadRequest()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => CollectAsync(Store.WatchAsync(new WatchQuery { ResourceVersion = "abc" }), 1));

        Assert.Equal(400, error.Code);
    }

    /// <summary>
    /// The current version after at least one write: on an empty store it is "0", which a watch reads
    /// as "from now on" rather than "replay from the beginning".
    /// </summary>
    private async Task<string> StartVersionAsync()
    {
        await Store.CreateAsync(Widget("marker", ns: Namespace + "-marker"));
        return await Store.GetCurrentVersionAsync();
    }
}
