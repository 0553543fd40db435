using System.Collections.Concurrent;
using System.Globalization;
using Sharpflow.Api.Resources;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// The latest version of each Run the reconciler has seen, from the controller's watch and from its own writes, so that
/// a reconcile (one per task end) need not read and parse the Run, whose spec holds the whole pipeline, from the store.
/// A version older than the one held is ignored. Staleness is bounded the way a Kubernetes informer's is: a change
/// not seen yet is on its way and enqueues the Run again, and a write onto a stale version fails with a conflict, after
/// which the reconciler drops the entry and reads the store.
/// </summary>
internal sealed class RunCache
{
    private readonly ConcurrentDictionary<ResourceKey, Resource> _runs = new();

    public Resource? Get(ResourceKey key) => _runs.GetValueOrDefault(key);

    public void Observe(WatchEvent change)
    {
        if (change.Type == WatchEventType.Deleted)
        {
            _runs.TryRemove(ResourceKey.Of(change.Object), out _);
        }
        else if (change.Type is WatchEventType.Added or WatchEventType.Modified)
        {
            Put(change.Object);
        }
    }

    public void Put(Resource run) =>
        _runs.AddOrUpdate(ResourceKey.Of(run), run, (_, held) => Version(held) > Version(run) ? held : run);

    public void Remove(ResourceKey key) => _runs.TryRemove(key, out _);

    private static long Version(Resource resource) =>
        long.TryParse(resource.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
