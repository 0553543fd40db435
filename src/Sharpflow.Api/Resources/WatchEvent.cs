namespace Sharpflow.Api.Resources;

/// <summary>One change, as a Kubernetes watch stream sends it: <c>{"type":"ADDED","object":{...}}</c>.</summary>
public sealed record WatchEvent
{
    public required WatchEventType Type { get; init; }

    public required Resource Object { get; init; }
}
