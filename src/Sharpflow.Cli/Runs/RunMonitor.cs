using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Follows one run to its end: watches the Run resource and re-reads its task executions whenever it
/// changes, and at least every <see cref="Refresh"/> (task states change more often than the run's status,
/// which the engine writes at most once a second). A dropped watch is resumed; a deleted run ends it with 404.
/// </summary>
internal sealed class RunMonitor(RunClient runs, TimeProvider time)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    /// <summary>A snapshot now, then one after every change or refresh; the last one is of the finished run.</summary>
    /// <param name="ready">
    /// When given, snapshots start once it holds: after a retry request, the run is still FAILED until the engine
    /// took the request up (<c>status.retries</c> reached it), and that old end is not the one to report.
    /// </param>
    public async IAsyncEnumerable<RunSnapshot> FollowAsync(string name, Func<RunView, bool>? ready, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var latest = new Latest(await runs.GetAsync(name, cancellationToken));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = Task.Run(() => WatchAsync(name, latest, stop.Token), CancellationToken.None);
        try
        {
            while (true)
            {
                if (watcher.IsFaulted)
                {
                    await watcher;
                }

                var run = latest.Run;
                if (ready is not null && !ready(new RunView(run)))
                {
                    await latest.WaitForChangeAsync(Refresh, time, cancellationToken);
                    continue;
                }

                ready = null;
                var tasks = await runs.ListTasksAsync(name, cancellationToken);
                var snapshot = new RunSnapshot(new RunView(run), tasks);
                yield return snapshot;
                if (snapshot.Run.IsFinished)
                {
                    yield break;
                }

                await latest.WaitForChangeAsync(Refresh, time, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await watcher;
            }
            catch (Exception e) when (e is OperationCanceledException or ResourceException or HttpRequestException or IOException)
            {
                // The watch ends with the follow; a failure it met before is reported above, not here.
            }
        }
    }

    private async Task WatchAsync(string name, Latest latest, CancellationToken cancellationToken)
    {
        var version = latest.Run.Metadata.ResourceVersion;
        while (true)
        {
            try
            {
                await foreach (var change in runs.WatchAsync(version, cancellationToken))
                {
                    version = change.Object.Metadata.ResourceVersion ?? version;
                    if (change.Type == WatchEventType.Bookmark || change.Object.Metadata.Name != name)
                    {
                        continue;
                    }

                    if (change.Type == WatchEventType.Deleted)
                    {
                        throw ResourceException.NotFound($"run \"{name}\" was deleted while it was being watched");
                    }

                    latest.Set(change.Object);
                }
            }
            catch (Exception e) when (e is (ResourceException { Code: 410 }) or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The stream dropped or its version expired: read the run again and watch from there.
            }

            await Task.Delay(Refresh, time, cancellationToken);
            var current = await runs.GetAsync(name, cancellationToken);
            latest.Set(current);
            version = current.Metadata.ResourceVersion;
        }
    }

    /// <summary>The newest copy of the run, shared between the watch and the follow loop, with a "changed" signal.</summary>
    private sealed class Latest(Resource run)
    {
        private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private Resource _run = run;

        public Resource Run => Volatile.Read(ref _run);

        public void Set(Resource run)
        {
            Volatile.Write(ref _run, run);
            _changed.Writer.TryWrite(true);
        }

        /// <summary>Returns when the run changed or after <paramref name="timeout"/>, whichever comes first.</summary>
        public async Task WaitForChangeAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
        {
            using var timer = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                await _changed.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The refresh interval passed without a change.
            }
        }
    }
}
