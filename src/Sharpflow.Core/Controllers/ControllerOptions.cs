namespace Sharpflow.Core.Controllers;

/// <summary>How the controller manager runs reconcilers. Bound from the "Sharpflow:Controllers" section.</summary>
public sealed class ControllerOptions
{
    public const string SectionName = "Sharpflow:Controllers";

    /// <summary>Concurrent reconciles per controller; one key is never reconciled by two workers at once.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often every object is re-enqueued even when nothing changed (level-triggered safety net).</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When on, only the replica holding the lease runs controllers (needs an ILeaseStore).</summary>
    public bool LeaderElection { get; set; } = true;

    public string LeaseName { get; set; } = "sharpflow-controllers";

    /// <summary>How long a lease lasts without renewal; a standby takes over at most this long after the leader vanished.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the leader renews, and how often a standby tries to take the lease.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay after a failed reconcile; it doubles per consecutive failure of the same key.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);
}
