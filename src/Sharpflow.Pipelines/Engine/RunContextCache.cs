using System.Collections.Concurrent;

namespace Sharpflow.Pipelines.Engine;

/// <summary>The in-memory state of unfinished runs, by run uid. Dropped when a run finishes or is deleted; rebuilt from the store on demand.</summary>
internal sealed class RunContextCache
{
    private readonly ConcurrentDictionary<string, RunContext> _contexts = new(StringComparer.Ordinal);

    public int Count => _contexts.Count;

    public RunContext? Get(string uid) => _contexts.GetValueOrDefault(uid);

    public void Set(RunContext context) => _contexts[context.Uid] = context;

    public void Remove(string uid) => _contexts.TryRemove(uid, out _);

    public void Clear() => _contexts.Clear();
}
