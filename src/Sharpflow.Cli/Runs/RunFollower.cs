using Sharpflow.Cli.Infrastructure;
using Spectre.Console;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Shows a run's progress on stderr until it ends: a live task tree with a progress bar on a terminal, plain
/// lines (one per state change) otherwise. Returns the last snapshot, of the finished run.
/// </summary>
internal sealed class RunFollower(RunClient runs, CliConsole console, TimeProvider time)
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);

    public async Task<RunSnapshot> FollowAsync(string name, Func<RunView, bool>? ready, CancellationToken cancellationToken)
    {
        var monitor = new RunMonitor(runs, time);
        if (console.Interactive)
        {
            return await FollowLiveAsync(monitor, name, ready, cancellationToken);
        }

        var progress = new PlainRunProgress(console.Error);
        RunSnapshot? last = null;
        await foreach (var snapshot in monitor.FollowAsync(name, ready, cancellationToken))
        {
            progress.Show(snapshot, time.GetUtcNow());
            last = snapshot;
        }

        return last!;
    }

    private async Task<RunSnapshot> FollowLiveAsync(RunMonitor monitor, string name, Func<RunView, bool>? ready, CancellationToken cancellationToken)
    {
        RunSnapshot? last = null;
        var frame = 0;
        await console.ErrorAnsi
            .Live(new Text(string.Empty))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Top)
            .StartAsync(async context =>
            {
                // Snapshots come about once a second; the spinner and the clock are redrawn more often than that.
                var snapshots = monitor.FollowAsync(name, ready, cancellationToken).GetAsyncEnumerator(cancellationToken);
                var next = snapshots.MoveNextAsync().AsTask();
                try
                {
                    while (true)
                    {
                        var redraw = Task.Delay(Redraw, time, cancellationToken);
                        if (await Task.WhenAny(next, redraw) == next)
                        {
                            if (!await next)
                            {
                                break;
                            }

                            last = snapshots.Current;
                            next = snapshots.MoveNextAsync().AsTask();
                        }
                        else
                        {
                            await redraw;
                        }

                        if (last is not null)
                        {
                            context.UpdateTarget(RunProgressView.Build(last, time.GetUtcNow(), frame++));
                            context.Refresh();
                        }
                    }
                }
                finally
                {
                    await Task.WhenAny(next);
                    await snapshots.DisposeAsync();
                }
            });
        return last!;
    }
}
