using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Events;

/// <summary>
/// Records Kubernetes-style events about an object for users to read (`sharpflow describe`, the dashboard).
/// Recording never fails the caller: store errors are logged and swallowed.
/// </summary>
public interface IEventRecorder
{
    /// <param name="type"><see cref="EventTypes.Normal"/> or <see cref="EventTypes.Warning"/>.</param>
    /// <param name="reason">A CamelCase word, e.g. "Started", "BackOff".</param>
    Task RecordAsync(Resource involved, string type, string reason, string message, CancellationToken cancellationToken = default);
}
