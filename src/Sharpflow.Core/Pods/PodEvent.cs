namespace Sharpflow.Core.Pods;

internal sealed record PodEvent(string Type, string Reason, string Message);
