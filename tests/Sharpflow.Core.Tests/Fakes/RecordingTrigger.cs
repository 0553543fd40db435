using System.Collections.Concurrent;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Core.Tests.Fakes;

/// <summary>Keeps every key a reconcile source enqueues, in order.</summary>
internal sealed class RecordingTrigger : IControllerTrigger
{
    private readonly ConcurrentQueue<ResourceKey> _keys = new();

    public IReadOnlyList<ResourceKey> Keys => [.. _keys];

    public void Enqueue(ResourceKey key) => _keys.Enqueue(key);
}
