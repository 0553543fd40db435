namespace Sharpflow.Core.Events;

public interface IEventStore
{
    /// <summary>Records an event, folding it into an existing one with the same object, type, reason and message.</summary>
    Task<ResourceEvent> RecordAsync(ResourceEvent resourceEvent, CancellationToken cancellationToken = default);

    /// <summary>Newest first. Filters are optional: null namespace means every namespace.</summary>
    Task<IReadOnlyList<ResourceEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken = default);
}
