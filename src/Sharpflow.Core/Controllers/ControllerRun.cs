using Microsoft.Extensions.Logging;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Controllers;

/// <summary>
/// One term of running controllers: their workers, the external sources, one list-then-watch loop over
/// every kind, and the periodic resync. Everything stops when the token given to <see cref="RunAsync"/> is cancelled.
/// </summary>
internal sealed partial class ControllerRun
{
    private readonly IReadOnlyList<Controller> _controllers;
    private readonly IReadOnlyList<IReconcileSource> _sources;
    private readonly IResourceStore _store;
    private readonly ControllerTrigger _trigger;
    private readonly ControllerStatus _status;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerDispatcher _dispatcher;

    public ControllerRun(
        IReadOnlyList<Controller> controllers,
        IReadOnlyList<IReconcileSource> sources,
        IResourceStore store,
        ControllerTrigger trigger,
        ControllerStatus status,
        ControllerOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _controllers = controllers;
        _sources = sources;
        _store = store;
        _trigger = trigger;
        _status = status;
        _options = options;
        _time = time;
        _logger = logger;
        _dispatcher = new ControllerDispatcher(controllers);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stopping.Token;
        _status.State = ControllerState.Starting;
        _trigger.Attach(_controllers);
        try
        {
            // Sources first, so that nothing they report between our list and their subscription is lost.
            List<Task> loops =
            [
                .. _controllers.Select(c => c.RunAsync(token)),
                .. _sources.Select(s => RunSourceAsync(s, token)),
                ListAndWatchAsync(token),
                ResyncAsync(token),
            ];
            await Task.WhenAny(loops);
            if (!cancellationToken.IsCancellationRequested)
            {
                LogLoopEnded(_logger);
            }

            await stopping.CancelAsync();
            await Task.WhenAll(loops);
        }
        finally
        {
            _trigger.Detach();
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await ListAllAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogResyncFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunSourceAsync(IReconcileSource source, CancellationToken cancellationToken)
    {
        try
        {
            await source.RunAsync(_trigger, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogSourceFailed(_logger, e, source.GetType().Name);
        }

        // A source that ends early must not end the run.
        await WaitForCancellationAsync(cancellationToken);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic resync failed")]
    private static partial void LogResyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile source {Source} failed; it stays stopped until controllers restart")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "A controller loop ended unexpectedly; stopping this term of controllers")]
    private static partial void LogLoopEnded(ILogger logger);
}
