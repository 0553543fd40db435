using Microsoft.Extensions.Logging;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Core.Controllers;

internal sealed partial class ControllerRun
{
    private const string EmptyStoreVersion = "0";

    private static readonly TimeSpan EmptyStorePollInterval = TimeSpan.FromSeconds(1);

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
                if (version == EmptyStoreVersion)
                {
                    await WaitForFirstChangeAsync(cancellationToken);
                    failures = 0;
                    continue;
                }

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
            var delay = failures == 0 ? TimeSpan.Zero : backoff.Delay(failures - 1);
            failures++;
            if (!await DelayAsync(delay, cancellationToken))
            {
                return;
            }
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
                    controller.Enqueue(new WatchEvent { Type = WatchEventType.Added, Object = item });
                }

                next = page.Metadata.Continue;
            }
            while (!string.IsNullOrEmpty(next));
        }

        return first ?? await _store.GetCurrentVersionAsync(cancellationToken);
    }

    /// <summary>
    /// An empty store lists at version "0", and a watch from "0" starts from whatever the version is when
    /// it subscribes, so an object created in between would be missed. Instead wait for the first change
    /// (seen by a watch, or by polling the store version as a backstop) and then list again.
    /// </summary>
    private async Task WaitForFirstChangeAsync(CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watched = FirstChangeAsync(waiting.Token);
        var polled = PollUntilNotEmptyAsync(waiting.Token);
        await Task.WhenAny(watched, polled);
        await waiting.CancelAsync();
        try
        {
            await Task.WhenAll(watched, polled);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task FirstChangeAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in _store.WatchAsync(new WatchQuery { ResourceVersion = EmptyStoreVersion }, cancellationToken))
        {
            return;
        }
    }

    private async Task PollUntilNotEmptyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(EmptyStorePollInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (await _store.GetCurrentVersionAsync(cancellationToken) != EmptyStoreVersion)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watching every kind from resourceVersion {Version}")]
    private static partial void LogWatching(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store watch ended; listing again")]
    private static partial void LogWatchEnded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store list or watch failed; listing again")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
