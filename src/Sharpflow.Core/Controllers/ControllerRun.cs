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

    private async Task ListAndWatchAsync(CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var version = await ListAllAsync(cancellationToken);
                _status.State = ControllerState.Running;
                LogWatching(_logger, version);
                await foreach (var change in _store.WatchAsync(new WatchQuery { ResourceVersion = version }, cancellationToken))
                {
                    failures = 0;
                    _dispatcher.Dispatch(change);
                }

                LogWatchEnded(_logger);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogWatchFailed(_logger, e);
            }

            // The first retry re-lists at once (a 410 Gone needs nothing else); repeated failures back off.
            if (failures++ > 0 && !await DelayAsync(backoff.Delay(failures - 2), cancellationToken))
            {
                return;
            }
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

    /// <summary>Lists every controller's kind, enqueues every object, and returns the version to watch from.</summary>
    private async Task<string> ListAllAsync(CancellationToken cancellationToken)
    {
        // Lists are sequential and versions only grow, so the first list's version misses nothing of the later ones.
        string? first = null;
        foreach (var controller in _controllers)
        {
            string? next = null;
            do
            {
                var page = await _store.ListAsync(
                    new ListQuery { Group = controller.Kind.Group, Kind = controller.Kind.Kind, Limit = 500, Continue = next },
                    cancellationToken);
                first ??= page.Metadata.ResourceVersion;
                foreach (var item in page.Items)
                {
                    controller.Enqueue(ResourceKey.Of(item));
                }

                next = page.Metadata.Continue;
            }
            while (!string.IsNullOrEmpty(next));
        }

        return first ?? await _store.GetCurrentVersionAsync(cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watching every kind from resourceVersion {Version}")]
    private static partial void LogWatching(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store watch ended; listing again")]
    private static partial void LogWatchEnded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store list or watch failed; listing again")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic resync failed")]
    private static partial void LogResyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile source {Source} failed; it stays stopped until controllers restart")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "A controller loop ended unexpectedly; stopping this term of controllers")]
    private static partial void LogLoopEnded(ILogger logger);
}
