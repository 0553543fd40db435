using Microsoft.Extensions.Logging;
using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Events;

internal sealed partial class EventRecorder : IEventRecorder
{
    /// <summary>Kubernetes truncates event messages at 1 KiB; so do we, to keep the events table small.</summary>
    private const int MaxMessageLength = 1024;

    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _source;

    public EventRecorder(IEventStore store, TimeProvider time, ILogger logger, string source)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _source = source;
    }

    public async Task RecordAsync(Resource involved, string type, string reason, string message, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var resourceEvent = new ResourceEvent
        {
            InvolvedObject = new InvolvedObject
            {
                ApiVersion = involved.ApiVersion,
                Kind = involved.Kind,
                Namespace = involved.Metadata.Namespace,
                Name = involved.Metadata.Name ?? string.Empty,
                Uid = involved.Metadata.Uid,
            },
            Type = type,
            Reason = reason,
            Message = message.Length <= MaxMessageLength ? message : message[..MaxMessageLength],
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = _source,
        };

        try
        {
            await _store.RecordAsync(resourceEvent, cancellationToken);
            LogRecorded(_logger, type, reason, involved.Kind, involved.Metadata.Namespace, involved.Metadata.Name, message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogRecordFailed(_logger, e, reason, involved.Kind, involved.Metadata.Namespace, involved.Metadata.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {Type} {Reason} on {Kind} {Namespace}/{Name}: {Message}")]
    private static partial void LogRecorded(ILogger logger, string type, string reason, string kind, string? @namespace, string? name, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Kind} {Namespace}/{Name}")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string reason, string kind, string? @namespace, string? name);
}
