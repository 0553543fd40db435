using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Core.Tests.Fakes;
using static Sharpflow.Core.Tests.Controllers.TestKinds;

namespace Sharpflow.Core.Tests.Controllers;

/// <summary>
/// An empty store lists at version "0", and a watch from "0" starts wherever the store is when it
/// subscribes. These tests make sure an object created in that gap is still reconciled.
/// </summary>
public sealed class EmptyStoreStartTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryResourceStore _store;
    private readonly RecordingReconciler _widgets;

    public EmptyStoreStartTests()
    {
        _store = new InMemoryResourceStore(_time);
        _widgets = new RecordingReconciler(_store, _time, Widget);
    }

    [Fact]
    public async Task StartAsync_ObjectCreatedBeforeTheWatchSubscribed_IsFoundByTheVersionPoll()
    {
        var store = new LateSubscribingStore(_store);
        await using var harness = new ManagerHarness(store, _time, [_widgets]);
        await harness.StartAsync();
        await Eventually.TrueAsync(() => store.WaitingWatches == 1, "the manager listed an empty store and waits");

        var created = _time.GetUtcNow();
        await _store.CreateAsync(New(Widget, "early"));

        await Eventually.TrueAsync(() => _widgets.CountFor("early") == 1, "the early widget is reconciled", _time, TimeSpan.FromMilliseconds(250));
        Assert.InRange(_widgets.Calls[0].At - created, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => _store.WatcherCount == 1, "the manager watches from a real version");
        await _store.CreateAsync(New(Widget, "later"));
        await Eventually.TrueAsync(() => _widgets.CountFor("later") == 1, "later changes are dispatched");
    }

    [Fact]
    public async Task StartAsync_FirstObjectInAnEmptyStore_IsReconciledWithoutWaitingForThePoll()
    {
        await using var harness = new ManagerHarness(_store, _time, [_widgets]);
        await harness.StartAsync();
        await Eventually.TrueAsync(() => _store.WatcherCount == 1, "the manager waits for the first change");

        await _store.CreateAsync(New(Widget, "first"));

        await Eventually.TrueAsync(() => _widgets.CountFor("first") == 1, "the first widget is reconciled");
    }

    /// <summary>Watches from "0" see nothing, as if they subscribed after everything created so far.</summary>
    private sealed class LateSubscribingStore(InMemoryResourceStore inner) : IResourceStore
    {
        private int _waitingWatches;

        public int WaitingWatches => Volatile.Read(ref _waitingWatches);

        public Task<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<Resource?> GetByUidAsync(string group, string kind, string uid, CancellationToken cancellationToken = default) =>
            inner.GetByUidAsync(group, kind, uid, cancellationToken);

        public Task<ResourceList> ListAsync(ListQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public Task<Resource> CreateAsync(Resource resource, CancellationToken cancellationToken = default) => inner.CreateAsync(resource, cancellationToken);

        public Task<Resource> UpdateAsync(Resource resource, CancellationToken cancellationToken = default) => inner.UpdateAsync(resource, cancellationToken);

        public Task<Resource> UpdateStatusAsync(Resource resource, CancellationToken cancellationToken = default) => inner.UpdateStatusAsync(resource, cancellationToken);

        public Task<Resource?> DeleteAsync(ResourceKey key, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(key, options, cancellationToken);

        public Task<string> GetCurrentVersionAsync(CancellationToken cancellationToken = default) => inner.GetCurrentVersionAsync(cancellationToken);

        public IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, CancellationToken cancellationToken = default) =>
            query.ResourceVersion is null or "0" ? NothingAsync(cancellationToken) : inner.WatchAsync(query, cancellationToken);

        private async IAsyncEnumerable<WatchEvent> NothingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waitingWatches);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waitingWatches);
            }

            yield break;
        }
    }
}
