namespace Sharpflow.Pipelines.Resources;

/// <summary>A run's <c>status.state</c>, named as KFP's <c>V2beta1RuntimeState</c>.</summary>
public static class RunStates
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Skipped = "SKIPPED";
    public const string Failed = "FAILED";
    public const string Canceling = "CANCELING";
    public const string Canceled = "CANCELED";

    /// <summary>Every state, in the order a run goes through them.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Running, Succeeded, Failed, Canceling, Canceled, Skipped];

    public static bool IsFinal(string? state) => state is Succeeded or Skipped or Failed or Canceled;

    /// <summary>States from which <c>spec.retry</c> starts the run again.</summary>
    public static bool IsRetryable(string? state) => state is Failed or Canceled;
}
