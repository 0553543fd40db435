using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Runs;

/// <summary>
/// <c>--watch</c> of <c>run</c>, <c>runs get</c> and <c>runs retry</c>: progress on stderr until the run ends,
/// then the outcome on stdout. Exit 0 when it succeeded, <see cref="ExitCodes.RunFailed"/> when it failed or
/// was canceled, 130 on Ctrl-C (which stops watching, not the run).
/// </summary>
internal static class RunWatch
{
    /// <param name="ready">See <see cref="RunMonitor.FollowAsync"/>: when the watch may start reporting.</param>
    public static async Task<int> WatchAsync(
        CliInvocation invocation, RunClient runs, string name, OutputFormat format, Func<RunView, bool>? ready, CancellationToken cancellationToken)
    {
        RunSnapshot final;
        try
        {
            final = await new RunFollower(runs, invocation.Console, invocation.Time).FollowAsync(name, ready, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var ns = runs.Namespace;
            invocation.Console.Error.WriteLine();
            invocation.Console.Error.WriteLine(
                $"Stopped watching; run {name} keeps running. Watch it again with 'sharpflow runs get {name} -n {ns} --watch', "
                + $"stop it with 'sharpflow runs terminate {name} -n {ns}'.");
            return ExitCodes.Interrupted;
        }

        if (format == OutputFormat.Table)
        {
            await new RunSummaryWriter(invocation.Client, invocation.Console.Out).WriteAsync(final, invocation.Time.GetUtcNow(), cancellationToken);
        }
        else
        {
            invocation.Printer.PrintObject(final.Run.Resource, format);
        }

        return final.Run.Succeeded ? ExitCodes.Ok : ExitCodes.RunFailed;
    }
}
