namespace Sharpflow.Testing.S3;

/// <summary>One bucket's objects in S3's key order; safe for concurrent requests.</summary>
internal sealed class FakeS3Bucket(string name)
{
    private readonly SortedDictionary<string, FakeS3Object> _objects = new(S3KeyComparer.Instance);
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    /// <summary>Every request on the bucket is answered AccessDenied (a bucket policy that denies this user).</summary>
    public bool Denied { get; set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _objects.Count;
            }
        }
    }

    public FakeS3Object? Get(string key)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    public void Put(string key, FakeS3Object value)
    {
        lock (_lock)
        {
            _objects[key] = value;
        }
    }

    public bool Remove(string key)
    {
        lock (_lock)
        {
            return _objects.Remove(key);
        }
    }

    /// <summary>The keys with <paramref name="prefix"/> that sort after <paramref name="after"/> (all when null), in order.</summary>
    public List<KeyValuePair<string, FakeS3Object>> After(string prefix, string? after)
    {
        lock (_lock)
        {
            return _objects
                .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal)
                    && (after is null || S3KeyComparer.Instance.Compare(entry.Key, after) > 0))
                .ToList();
        }
    }
}
