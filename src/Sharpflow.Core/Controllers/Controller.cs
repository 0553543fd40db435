using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Controllers;

/// <summary>One reconciler with its work queue and workers, alive for one term of leadership.</summary>
internal sealed partial class Controller : IDisposable
{
    private readonly IReconciler _reconciler;
    private readonly int _workers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public Controller(IReconciler reconciler, ControllerOptions options, TimeProvider time, ILogger logger)
    {
        _reconciler = reconciler;
        _workers = options.Workers;
        _time = time;
        _logger = logger;
        Queue = new WorkQueue<ResourceKey>(time, new ExponentialBackoff(options.BackoffBase, options.BackoffMax));
    }

    public ResourceKind Kind => _reconciler.Kind;

    public IReadOnlyList<ResourceKind> OwnedKinds => _reconciler.OwnedKinds;

    public WorkQueue<ResourceKey> Queue { get; }

    public void Enqueue(ResourceKey key) => Queue.Add(key);

    /// <summary>Shows the reconciler a change (or a listed object) of its kind, then enqueues its key.</summary>
    public void Enqueue(WatchEvent change)
    {
        _reconciler.Observe(change);
        Queue.Add(ResourceKey.Of(change.Object));
    }

    /// <summary>Runs the workers until cancelled, then shuts the queue down.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, _workers).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            Queue.ShutDown();
        }
    }

    public void Dispose() => Queue.Dispose();

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ResourceKey key;
            try
            {
                key = await Queue.GetAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                return;
            }

            try
            {
                await ReconcileAsync(key, cancellationToken);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["Kind"] = key.Kind,
            ["Namespace"] = key.Namespace,
            ["Name"] = key.Name,
        });
        using var activity = ControllerDiagnostics.ActivitySource.StartActivity($"reconcile {key.Kind}");
        activity?.SetTag("sharpflow.kind", key.Kind);
        activity?.SetTag("sharpflow.namespace", key.Namespace);
        activity?.SetTag("sharpflow.name", key.Name);

        var started = _time.GetTimestamp();
        var outcome = "success";
        try
        {
            var result = await _reconciler.ReconcileAsync(key, cancellationToken);
            Queue.Forget(key);
            if (result.RequeueAfter is { } delay)
            {
                outcome = "requeue";
                Queue.AddAfter(key, delay);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "canceled";
        }
        catch (Exception e)
        {
            outcome = "error";
            var delay = Queue.AddRateLimited(key);
            ControllerDiagnostics.Errors.Add(1, new KeyValuePair<string, object?>("controller", key.Kind));
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            if (e is ResourceException { Code: 409 })
            {
                LogConflict(_logger, key, delay, e.Message);
            }
            else
            {
                LogReconcileFailed(_logger, e, key, delay);
            }
        }
        finally
        {
            var elapsed = _time.GetElapsedTime(started);
            var controller = new KeyValuePair<string, object?>("controller", key.Kind);
            ControllerDiagnostics.Reconciles.Add(1, controller, new KeyValuePair<string, object?>("result", outcome));
            ControllerDiagnostics.Duration.Record(elapsed.TotalSeconds, controller);
            LogReconciled(_logger, key, outcome, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconciled {Key}: {Outcome} in {ElapsedMs:F1} ms")]
    private static partial void LogReconciled(ILogger logger, ResourceKey key, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconcile of {Key} hit a conflict, retrying in {Delay}: {Message}")]
    private static partial void LogConflict(ILogger logger, ResourceKey key, TimeSpan delay, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile of {Key} failed, retrying in {Delay}")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception, ResourceKey key, TimeSpan delay);
}
