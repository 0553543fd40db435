namespace Sharpflow.Core.Leases;

/// <summary>
/// A named lease held by one holder at a time, so that of several server replicas on one database
/// exactly one runs the controllers.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease if it is free or expired, or renews it if <paramref name="holder"/> holds it.
    /// Returns true when <paramref name="holder"/> holds it until now + <paramref name="duration"/>.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);
}
