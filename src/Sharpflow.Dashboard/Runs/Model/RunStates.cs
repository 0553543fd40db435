namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>A run's <c>status.state</c> values (KFP's runtime states) and what the dashboard may do in each.</summary>
internal static class RunStates
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Skipped = "SKIPPED";
    public const string Failed = "FAILED";
    public const string Canceling = "CANCELING";
    public const string Canceled = "CANCELED";

    /// <summary>The states the Runs list filters by, in the order a run goes through them.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Running, Succeeded, Failed, Canceling, Canceled, Skipped];

    public static bool IsFinal(string state) => state is Succeeded or Skipped or Failed or Canceled;

    public static bool IsRetryable(string state) => state is Failed or Canceled;
}
