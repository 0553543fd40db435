using System.Collections.Concurrent;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Tests.Fakes;

/// <summary>Records each reconcile with what the store held at that moment; behaviour is pluggable per call.</summary>
internal sealed class RecordingReconciler(IResourceStore store, TimeProvider time, ResourceKind kind, params ResourceKind[] owned) : IReconciler
{
    private readonly ConcurrentQueue<(ResourceKey Key, Resource? Seen, DateTimeOffset At)> _calls = new();
    private readonly ConcurrentQueue<(WatchEventType Type, string Name, string? Version)> _observed = new();
    private int _running;
    private int _maxRunning;

    public ResourceKind Kind => kind;

    public IReadOnlyList<ResourceKind> OwnedKinds => owned;

    /// <summary>Runs inside each reconcile; defaults to finishing at once.</summary>
    public Func<ResourceKey, int, Task<ReconcileResult>> Behaviour { get; set; } = (_, _) => Task.FromResult(ReconcileResult.Done);

    public IReadOnlyList<(ResourceKey Key, Resource? Seen, DateTimeOffset At)> Calls => [.. _calls];

    /// <summary>The time between consecutive reconciles of the named object.</summary>
    public IReadOnlyList<TimeSpan> GapsFor(string name)
    {
        var times = _calls.Where(c => c.Key.Name == name).Select(c => c.At).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).ToList();
    }

    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    public int CountFor(string name) => _calls.Count(c => c.Key.Name == name);

    /// <summary>The changes and listed objects the controller showed this reconciler, in order.</summary>
    public IReadOnlyList<(WatchEventType Type, string Name, string? Version)> Observed => [.. _observed];

    public void Observe(WatchEvent change) =>
        _observed.Enqueue((change.Type, change.Object.Metadata.Name!, change.Object.Metadata.ResourceVersion));

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        try
        {
            var seen = await store.GetAsync(key, cancellationToken);
            var attempt = _calls.Count(c => c.Key == key);
            _calls.Enqueue((key, seen, time.GetUtcNow()));
            return await Behaviour(key, attempt);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
