using Sharpflow.Core.Leases;

namespace Sharpflow.Core.Tests.Fakes;

internal sealed class InMemoryLeaseStore(TimeProvider time) : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Holder, DateTimeOffset Expires)> _leases = [];

    public string? HolderOf(string name)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(name, out var lease) && lease.Expires > time.GetUtcNow() ? lease.Holder : null;
        }
    }

    public DateTimeOffset? ExpiryOf(string name)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(name, out var lease) ? lease.Expires : null;
        }
    }

    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(name, out var lease) && lease.Holder != holder && lease.Expires > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (holder, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Holder == holder)
            {
                _leases.Remove(name);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Hands the lease to someone else, as an operator breaking a stuck lease would.</summary>
    public void Steal(string name, string holder, TimeSpan duration)
    {
        lock (_gate)
        {
            _leases[name] = (holder, time.GetUtcNow() + duration);
        }
    }
}
