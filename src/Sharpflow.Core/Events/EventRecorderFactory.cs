using Microsoft.Extensions.Logging;

namespace Sharpflow.Core.Events;

internal sealed class EventRecorderFactory : IEventRecorderFactory
{
    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<EventRecorder> _logger;

    public EventRecorderFactory(IEventStore store, TimeProvider time, ILogger<EventRecorder> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    public IEventRecorder Create(string source) => new EventRecorder(_store, _time, _logger, source);
}
