using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>Task-level retry. Durations are protobuf JSON durations such as <c>"0s"</c> or <c>"1.5s"</c>; see <see cref="ProtoDuration"/>.</summary>
public sealed record RetryPolicy
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(1);

    /// <summary>Retries after the first attempt; 0 disables retry.</summary>
    public int MaxRetryCount { get; init; }

    public string? BackoffDuration { get; init; }

    /// <summary>0 (unset) means the upstream default of 2.</summary>
    public double BackoffFactor { get; init; }

    /// <summary>How long the task may keep being retried; unset means, and larger values are capped to, one hour.</summary>
    public string? BackoffMaxDuration { get; init; }

    /// <summary>The time after the first failure during which retries may still start.</summary>
    [JsonIgnore]
    public TimeSpan RetryWindow
    {
        get
        {
            var window = ProtoDuration.ParseOrZero(BackoffMaxDuration);
            return window <= TimeSpan.Zero || window > MaxWindow ? MaxWindow : window;
        }
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first retry):
    /// duration × factor^(retry−1), never longer than <see cref="RetryWindow"/>.
    /// </summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var baseDelay = ProtoDuration.ParseOrZero(BackoffDuration);
        var factor = BackoffFactor > 0 ? BackoffFactor : 2.0;
        var window = RetryWindow;
        var seconds = baseDelay.TotalSeconds * Math.Pow(factor, retry - 1);
        return double.IsFinite(seconds) && seconds < window.TotalSeconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : window;
    }
}
