using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Selectors;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Tests.Fakes;

/// <summary>
/// A compact store with the semantics controllers rely on: a global resourceVersion, conflicts on stale
/// versions, status as a subresource, generation bumped by spec changes, finalizers that hold deletion,
/// and an ordered watch that replays history. No owner cascade, no field selectors, no paging.
/// </summary>
internal sealed class InMemoryResourceStore(TimeProvider time) : IResourceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceKey, Resource> _objects = [];
    private readonly List<WatchEvent> _history = [];
    private readonly List<(WatchQuery Query, Channel<WatchEvent> Channel)> _watchers = [];
    private long _version;
    private long _compactedThrough;
    private int _listCalls;

    public InMemoryResourceStore()
        : this(TimeProvider.System)
    {
    }

    public int ListCalls => Volatile.Read(ref _listCalls);

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public Task<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_objects.GetValueOrDefault(key)?.DeepClone());
        }
    }

    public Task<Resource?> GetByUidAsync(string group, string kind, string uid, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = _objects.Values.FirstOrDefault(o => o.Metadata.Uid == uid && o.Group == group && o.Kind == kind);
            return Task.FromResult(found?.DeepClone());
        }
    }

    public Task<ResourceList> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        if (query.FieldSelector is not null)
        {
            throw new NotSupportedException("The in-memory store does not evaluate field selectors.");
        }

        Interlocked.Increment(ref _listCalls);
        var selector = LabelSelector.Parse(query.LabelSelector);
        lock (_gate)
        {
            var items = _objects.Values
                .Where(o => o.Group == query.Group && o.Kind == query.Kind)
                .Where(o => query.Namespace is null || o.Metadata.Namespace == query.Namespace)
                .Where(o => selector.Matches(o.Metadata.Labels))
                .Select(o => o.DeepClone())
                .ToList();
            return Task.FromResult(new ResourceList { Items = items, Metadata = new ListMeta { ResourceVersion = Version() } });
        }
    }

    public Task<Resource> CreateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var name = resource.Metadata.Name ?? resource.Metadata.GenerateName + Guid.NewGuid().ToString("N")[..5];
            var created = resource.DeepClone() with
            {
                Metadata = resource.Metadata with
                {
                    Name = name,
                    Uid = Guid.NewGuid().ToString(),
                    Generation = 1,
                    CreationTimestamp = time.GetUtcNow(),
                    DeletionTimestamp = null,
                },
            };
            var key = ResourceKey.Of(created);
            if (_objects.ContainsKey(key))
            {
                throw ResourceException.AlreadyExists(key);
            }

            return Task.FromResult(Commit(WatchEventType.Added, created));
        }
    }

    public Task<Resource> UpdateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = Current(resource);
            var specChanged = !JsonNode.DeepEquals(stored.Spec, resource.Spec);
            var updated = resource.DeepClone() with
            {
                Status = stored.Status?.DeepClone().AsObject(),
                Metadata = resource.Metadata with
                {
                    Uid = stored.Metadata.Uid,
                    CreationTimestamp = stored.Metadata.CreationTimestamp,
                    DeletionTimestamp = stored.Metadata.DeletionTimestamp,
                    Generation = stored.Metadata.Generation + (specChanged ? 1 : 0),
                },
            };
            var finished = updated.IsBeingDeleted() && (updated.Metadata.Finalizers?.Count ?? 0) == 0;
            return Task.FromResult(Commit(finished ? WatchEventType.Deleted : WatchEventType.Modified, updated));
        }
    }

    public Task<Resource> UpdateStatusAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = Current(resource);
            return Task.FromResult(Commit(WatchEventType.Modified, stored with { Status = resource.Status?.DeepClone().AsObject() }));
        }
    }

    public Task<Resource?> DeleteAsync(ResourceKey key, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var stored))
            {
                return Task.FromResult<Resource?>(null);
            }

            if (options?.ResourceVersion is { } expected && expected != stored.Metadata.ResourceVersion)
            {
                throw ResourceException.Conflict(key, "the object has been modified; please apply your changes to the latest version and try again");
            }

            if ((stored.Metadata.Finalizers?.Count ?? 0) == 0)
            {
                return Task.FromResult<Resource?>(Commit(WatchEventType.Deleted, stored));
            }

            return Task.FromResult<Resource?>(stored.IsBeingDeleted()
                ? stored.DeepClone()
                : Commit(WatchEventType.Modified, stored with { Metadata = stored.Metadata with { DeletionTimestamp = time.GetUtcNow() } }));
        }
    }

    public async IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<WatchEvent> replay;
        var channel = Channel.CreateUnbounded<WatchEvent>();
        lock (_gate)
        {
            var from = query.ResourceVersion is null or "0" ? _version : long.Parse(query.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
            if (from < _compactedThrough)
            {
                throw ResourceException.Gone($"too old resource version: {from} ({_compactedThrough})");
            }

            replay = _history.Where(e => VersionOf(e) > from && Matches(query, e.Object)).ToList();
            _watchers.Add((query, channel));
        }

        try
        {
            foreach (var change in replay)
            {
                yield return change;
            }

            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.RemoveAll(w => w.Channel == channel);
            }
        }
    }

    public Task<string> GetCurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Version());
        }
    }

    /// <summary>Ends every open watch with <paramref name="error"/> and forgets history, so old versions answer 410 Gone.</summary>
    public void BreakWatches(Exception error)
    {
        lock (_gate)
        {
            foreach (var (_, channel) in _watchers)
            {
                channel.Writer.TryComplete(error);
            }

            _watchers.Clear();
            _history.Clear();
            _compactedThrough = _version;
        }
    }

    private Resource Current(Resource resource)
    {
        var key = ResourceKey.Of(resource);
        if (!_objects.TryGetValue(key, out var stored))
        {
            throw ResourceException.NotFound(key);
        }

        if (resource.Metadata.ResourceVersion is { } expected && expected != stored.Metadata.ResourceVersion)
        {
            throw ResourceException.Conflict(key, "the object has been modified; please apply your changes to the latest version and try again");
        }

        return stored;
    }

    private Resource Commit(WatchEventType type, Resource resource)
    {
        _version++;
        var stored = resource with { Metadata = resource.Metadata with { ResourceVersion = Version() } };
        var key = ResourceKey.Of(stored);
        if (type == WatchEventType.Deleted)
        {
            _objects.Remove(key);
        }
        else
        {
            _objects[key] = stored;
        }

        var change = new WatchEvent { Type = type, Object = stored.DeepClone() };
        _history.Add(change);
        foreach (var (query, channel) in _watchers)
        {
            if (Matches(query, stored))
            {
                channel.Writer.TryWrite(new WatchEvent { Type = type, Object = stored.DeepClone() });
            }
        }

        return stored.DeepClone();
    }

    private string Version() => _version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long VersionOf(WatchEvent change) =>
        long.Parse(change.Object.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);

    private static bool Matches(WatchQuery query, Resource resource) =>
        (query.Group is null || query.Group == resource.Group)
        && (query.Kind is null || query.Kind == resource.Kind)
        && (query.Namespace is null || query.Namespace == resource.Metadata.Namespace)
        && LabelSelector.Parse(query.LabelSelector).Matches(resource.Metadata.Labels);
}
