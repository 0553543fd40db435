using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using Sharpflow.Client;
using Sharpflow.Core.Executions;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>
/// One run kept current for its page: the Run resource through a watch of its namespace (listing again after
/// a failure or a 410), and its task executions, read again on every change of the run and every
/// <see cref="TaskInterval"/> while the run has not finished (executions are not resources, so they have no watch).
/// </summary>
internal sealed partial class LiveRun(
    SharpflowClient client,
    KindInfo runs,
    string ns,
    string name,
    TimeProvider time,
    ILogger<LiveRun> logger) : IAsyncDisposable
{
    public static readonly TimeSpan TaskInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<bool> _runChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Task? _loops;

    /// <summary>Raised after the run, its tasks or the error changed.</summary>
    public event Func<Task>? Changed;

    public Resource? Run { get; private set; }

    public RunInfo? Info { get; private set; }

    public IReadOnlyList<TaskExecution> Tasks { get; private set; } = [];

    /// <summary>The last failure to read the run or its tasks; cleared once a read succeeds.</summary>
    public string? Error { get; private set; }

    /// <summary>The run does not exist (any more).</summary>
    public bool Missing { get; private set; }

    public void Start() => _loops ??= Task.WhenAll(WatchRunAsync(_stopping.Token), PollTasksAsync(_stopping.Token));

    /// <summary>Takes a run the page just patched, ahead of its watch event.</summary>
    public async Task AcceptAsync(Resource run)
    {
        SetRun(run);
        await NotifyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loops is not null)
        {
            await _loops;
        }

        _stopping.Dispose();
    }

    private async Task WatchRunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var run = await client.GetAsync(runs, ns, name, cancellationToken);
                SetRun(run);
                Missing = false;
                Error = null;
                await NotifyAsync();
                retry = FirstRetry;
                await foreach (var change in client.WatchAsync(runs, ns, run.Metadata.ResourceVersion, cancellationToken: cancellationToken))
                {
                    if (change.Object.Metadata.Name != name)
                    {
                        continue;
                    }

                    if (change.Type == WatchEventType.Deleted)
                    {
                        Missing = true;
                        Error = $"Run \"{name}\" was deleted.";
                    }
                    else
                    {
                        SetRun(change.Object);
                    }

                    await NotifyAsync();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ResourceException e) when (e.Code == 410)
            {
                continue;
            }
            catch (ResourceException e) when (e.Code == 404)
            {
                Missing = true;
                Error = Run is null ? $"Run \"{name}\" was not found in namespace {ns}." : $"Run \"{name}\" no longer exists.";
                await NotifyAsync();
            }
            catch (Exception e) when (e is HttpRequestException or ResourceException or IOException or JsonException or InvalidDataException)
            {
                LogReadFailed(logger, ns, name, e.Message);
                Error = e.Message;
                await NotifyAsync();
            }

            if (!await DelayAsync(retry, cancellationToken))
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task PollTasksAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Run is not null)
            {
                try
                {
                    Tasks = await client.ListRunTasksAsync(ns, name, cancellationToken);
                    await NotifyAsync();
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or ResourceException or IOException or JsonException)
                {
                    LogReadFailed(logger, ns, name, e.Message);
                }
            }

            // A finished run changes only when it is retried (a run change); a running one is read every interval.
            var interval = Info is { IsFinished: false } ? TaskInterval : Timeout.InfiniteTimeSpan;
            try
            {
                using var timeout = new CancellationTokenSource(interval, time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await _runChanged.Reader.WaitToReadAsync(either.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The interval passed.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _runChanged.Reader.TryRead(out _);
        }
    }

    private void SetRun(Resource run)
    {
        if (Run is { } current && string.Equals(current.Metadata.ResourceVersion, run.Metadata.ResourceVersion, StringComparison.Ordinal))
        {
            return;
        }

        Run = run;
        Info = RunInfo.From(run);
        _runChanged.Writer.TryWrite(true);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task NotifyAsync()
    {
        if (Changed is { } changed)
        {
            await changed();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading run {Namespace}/{Name} or its tasks failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string @namespace, string name, string reason);
}
