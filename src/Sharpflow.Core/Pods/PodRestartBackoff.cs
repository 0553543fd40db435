namespace Sharpflow.Core.Pods;

/// <summary>
/// The kubelet's crash-loop backoff: the first restart is immediate, then 10 s doubling to 5 minutes;
/// a container that ran for 10 minutes before ending restarts at once again.
/// </summary>
internal static class PodRestartBackoff
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(10);

    /// <summary>The wait before the next attempt, after <paramref name="restartsSoFar"/> earlier restarts and a run that ended as <paramref name="ended"/>.</summary>
    public static TimeSpan Delay(int restartsSoFar, ContainerStateTerminated ended)
    {
        if (restartsSoFar == 0 || ended.FinishedAt - ended.StartedAt >= StableRun)
        {
            return TimeSpan.Zero;
        }

        var ticks = Initial.Ticks * Math.Pow(2, Math.Min(restartsSoFar - 1, 16));
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>How long a pod waiting to restart must still wait; zero when it may start now.</summary>
    public static TimeSpan Remaining(ContainerStatus? container, DateTimeOffset now)
    {
        if (container is not { RestartCount: > 0, LastState.Terminated: { } ended })
        {
            return TimeSpan.Zero;
        }

        var due = (ended.FinishedAt ?? now) + Delay(container.RestartCount - 1, ended);
        return due > now ? due - now : TimeSpan.Zero;
    }
}
