using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Leases;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// Hosts every registered reconciler: while this replica leads (or always, with leader election off)
/// it runs a <see cref="ControllerRun"/>; when the lease is lost the run is cancelled, and on shutdown
/// the lease is released.
/// </summary>
internal sealed partial class ControllerManager : BackgroundService
{
    private readonly List<IReconciler> _reconcilers;
    private readonly List<IReconcileSource> _sources;
    private readonly IResourceStore _store;
    private readonly ControllerTrigger _trigger;
    private readonly ControllerStatus _status;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ILeaseStore? _leases;

    public ControllerManager(
        IEnumerable<IReconciler> reconcilers,
        IEnumerable<IReconcileSource> sources,
        IResourceStore store,
        ControllerTrigger trigger,
        ControllerStatus status,
        IOptions<ControllerOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        ILeaseStore? leases = null)
    {
        _reconcilers = reconcilers.ToList();
        _sources = sources.ToList();
        _store = store;
        _trigger = trigger;
        _status = status;
        _options = options.Value;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ControllerManager>();
        _leases = leases;
        Elector = _options.LeaderElection && leases is not null
            ? new LeaderElector(leases, _options, time, loggers.CreateLogger<LeaderElector>())
            : null;
    }

    public LeaderElector? Elector { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var kinds = string.Join(", ", _reconcilers.Select(r => r.Kind.Kind));
            LogStarting(_logger, _reconcilers.Count, kinds, _options.LeaderElection);
        }

        try
        {
            if (!_options.LeaderElection)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    await RunControllersAsync(stoppingToken);
                    await Task.Delay(_options.RenewInterval, _time, stoppingToken);
                }

                return;
            }

            if (Elector is null || _leases is null)
            {
                throw new InvalidOperationException(
                    "Controllers:LeaderElection is on but no ILeaseStore is registered; register a store or set Controllers:LeaderElection to false.");
            }

            await Elector.RunAsync(RunControllersAsync, () => _status.State = ControllerState.StandingBy, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _status.State = ControllerState.Stopped;
        }
    }

    private async Task RunControllersAsync(CancellationToken cancellationToken)
    {
        var controllers = _reconcilers
            .Select(r => new Controller(r, _options, _time, _loggers.CreateLogger($"Sharpflow.Controllers.{r.Kind.Kind}Controller")))
            .ToList();
        try
        {
            var run = new ControllerRun(controllers, _sources, _store, _trigger, _status, _options, _time, _logger);
            await run.RunAsync(cancellationToken);
        }
        finally
        {
            foreach (var controller in controllers)
            {
                controller.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Count} controllers ({Kinds}); leader election {LeaderElection}")]
    private static partial void LogStarting(ILogger logger, int count, string kinds, bool leaderElection);
}
