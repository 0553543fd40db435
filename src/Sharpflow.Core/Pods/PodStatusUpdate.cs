namespace Sharpflow.Core.Pods;

/// <summary>The status a reconcile computed, and when to look again without an outside change (null: only on a change).</summary>
internal sealed record PodStatusUpdate(PodStatus Status, TimeSpan? RequeueAfter);
