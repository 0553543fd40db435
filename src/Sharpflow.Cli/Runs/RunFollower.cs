using Sharpflow.Cli.Infrastructure;
using Spectre.Console;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// Shows a run's progress on stderr until it ends: a live task tree with a progress bar on a terminal, plain
/// lines (one per state change) otherwise. Returns the last snapshot, of the finished run.
/// </summary>
internal sealed class RunFollower(RunClient runs, CliConsole console, TimeProvider time)
{
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
                await foreach (var snapshot in monitor.FollowAsync(name, ready, cancellationToken))
                {
                    last = snapshot;
                    context.UpdateTarget(RunProgressView.Build(snapshot, time.GetUtcNow(), frame++));
                    context.Refresh();
                }
            });
        return last!;
    }
}
