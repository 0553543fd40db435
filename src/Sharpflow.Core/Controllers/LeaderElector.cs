using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Sharpflow.Core.Leases;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// Runs work only while this replica holds the lease, as client-go's leaderelection does: a standby
/// tries to take the lease every renew interval; the leader renews it at that interval and cancels its
/// work as soon as a renewal is refused, or before the lease could expire when renewals keep failing.
/// The lease is released when the elector stops, so a standby takes over within one renew interval.
/// </summary>
internal sealed partial class LeaderElector
{
    private readonly ILeaseStore _leases;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LeaderElector(ILeaseStore leases, ControllerOptions options, TimeProvider time, ILogger logger, string? holderId = null)
    {
        _leases = leases;
        _options = options;
        _time = time;
        _logger = logger;
        HolderId = holderId ?? NewHolderId();
    }

    public string HolderId { get; }

    public bool IsLeader { get; private set; }

    /// <summary>Competes for the lease until cancelled; runs <paramref name="lead"/> during each term held.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, Action? onStandby, CancellationToken cancellationToken)
    {
        try
        {
            for (var term = 0; !cancellationToken.IsCancellationRequested; term++)
            {
                onStandby?.Invoke();
                if (term > 0)
                {
                    // After a lost or failed term, let others compete before trying again.
                    await Task.Delay(_options.RenewInterval, _time, cancellationToken);
                }

                await AcquireAsync(cancellationToken);
                IsLeader = true;
                LogAcquired(_logger, _options.LeaseName, HolderId);
                await LeadAsync(lead, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (IsLeader)
            {
                IsLeader = false;
                await ReleaseAsync();
            }
        }
    }

    private async Task LeadAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        using var term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = RunTermAsync(lead, term.Token);
        try
        {
            var held = await RenewWhileAsync(work, cancellationToken);
            if (!held)
            {
                LogLost(_logger, _options.LeaseName, HolderId);
            }
        }
        finally
        {
            await term.CancelAsync();
            await work;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            // Lost, or the work ended by itself: give the lease back (a no-op if another holds it) and compete again.
            IsLeader = false;
            await ReleaseAsync();
        }
    }

    /// <summary>Renews until the work ends (true) or the lease is lost (false). Throws when cancelled.</summary>
    private async Task<bool> RenewWhileAsync(Task work, CancellationToken cancellationToken)
    {
        var lastRenewal = _time.GetUtcNow();
        while (true)
        {
            var tick = Task.Delay(_options.RenewInterval, _time, cancellationToken);
            if (await Task.WhenAny(tick, work) == work)
            {
                return true;
            }

            await tick;
            try
            {
                if (!await _leases.TryAcquireAsync(_options.LeaseName, HolderId, _options.LeaseDuration, cancellationToken))
                {
                    return false;
                }

                lastRenewal = _time.GetUtcNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(_logger, e, _options.LeaseName);

                // Stop before the lease can expire under us: the next attempt would come too late.
                if (_time.GetUtcNow() - lastRenewal + _options.RenewInterval >= _options.LeaseDuration)
                {
                    return false;
                }
            }
        }
    }

    private async Task RunTermAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        try
        {
            await lead(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogTermFailed(_logger, e);
        }
    }

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await _leases.TryAcquireAsync(_options.LeaseName, HolderId, _options.LeaseDuration, cancellationToken))
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogAcquireFailed(_logger, e, _options.LeaseName);
            }

            await Task.Delay(_options.RenewInterval, _time, cancellationToken);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await _leases.ReleaseAsync(_options.LeaseName, HolderId, CancellationToken.None);
            LogReleased(_logger, _options.LeaseName, HolderId);
        }
        catch (Exception e)
        {
            LogReleaseFailed(_logger, e, _options.LeaseName);
        }
    }

    private static string NewHolderId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Acquired lease {Lease} as {Holder}; starting controllers")]
    private static partial void LogAcquired(ILogger logger, string lease, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost lease {Lease} held as {Holder}; stopping controllers")]
    private static partial void LogLost(ILogger logger, string lease, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released lease {Lease} held as {Holder}")]
    private static partial void LogReleased(ILogger logger, string lease, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing lease {Lease} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trying to acquire lease {Lease} failed")]
    private static partial void LogAcquireFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing lease {Lease} failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Error, Message = "Controllers failed while leading")]
    private static partial void LogTermFailed(ILogger logger, Exception exception);
}
