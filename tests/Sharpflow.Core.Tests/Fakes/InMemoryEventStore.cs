using Sharpflow.Core.Events;

namespace Sharpflow.Core.Tests.Fakes;

/// <summary>Folds identical events (same object, type, reason and message) as the real stores do.</summary>
internal sealed class InMemoryEventStore : IEventStore
{
    private readonly Lock _gate = new();
    private readonly List<ResourceEvent> _events = [];

    public Exception? FailWith { get; set; }

    public IReadOnlyList<ResourceEvent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Reasons => All.Select(e => e.Reason).ToList();

    public Task<ResourceEvent> RecordAsync(ResourceEvent resourceEvent, CancellationToken cancellationToken = default)
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }

        lock (_gate)
        {
            var index = _events.FindIndex(e => e.InvolvedObject == resourceEvent.InvolvedObject
                && e.Type == resourceEvent.Type && e.Reason == resourceEvent.Reason && e.Message == resourceEvent.Message);
            if (index < 0)
            {
                var added = resourceEvent with { Id = _events.Count + 1 };
                _events.Add(added);
                return Task.FromResult(added);
            }

            var folded = _events[index] with { Count = _events[index].Count + 1, LastTimestamp = resourceEvent.LastTimestamp };
            _events[index] = folded;
            return Task.FromResult(folded);
        }
    }

    public Task<IReadOnlyList<ResourceEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ResourceEvent> matches = _events
                .Where(e => query.Namespace is null || e.InvolvedObject.Namespace == query.Namespace)
                .Where(e => query.Kind is null || e.InvolvedObject.Kind == query.Kind)
                .Where(e => query.Name is null || e.InvolvedObject.Name == query.Name)
                .Where(e => query.Uid is null || e.InvolvedObject.Uid == query.Uid)
                .OrderByDescending(e => e.LastTimestamp)
                .Take(query.Limit)
                .ToList();
            return Task.FromResult(matches);
        }
    }
}
