namespace Sharpflow.Core.Events;

/// <summary>Creates recorders that sign their events with a source, e.g. "pod-controller".</summary>
public interface IEventRecorderFactory
{
    IEventRecorder Create(string source);
}
