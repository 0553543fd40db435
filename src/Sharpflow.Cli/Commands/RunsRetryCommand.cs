using System.CommandLine;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Cli.Runs;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Commands;

/// <summary>
/// <c>sharpflow runs retry NAME [--watch]</c>: for a FAILED or CANCELED run, merge-patches
/// <c>{"spec": {"retry": status.retries + 1, "terminate": false}}</c>.
/// </summary>
internal sealed class RunsRetryCommand : SharpflowCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The run's name" };
    private readonly Option<bool> _watch = new("--watch", "-w") { Description = "Show the tasks' progress until the run ends again; exit non-zero unless it succeeded" };
    private readonly Option<OutputFormat> _output = OutputOption.Create();

    public RunsRetryCommand(CliContext context)
        : base(context, "retry", RunHelp.Retry)
    {
        Add(_name);
        Add(_watch);
        Add(_output);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Get(_name)!;
        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var run = new RunView(await runs.GetAsync(name, cancellationToken));
        if (!RunStates.IsRetryable(run.Status.State))
        {
            var hint = run.IsFinished ? "it has nothing to retry" : "wait for it to end, or terminate it first";
            invocation.Console.Error.WriteLine($"error: run {name} is {run.State}: only a FAILED or CANCELED run can be retried ({hint})");
            return ExitCodes.Failure;
        }

        var retry = run.Status.Retries + 1;
        var patched = await runs.PatchAsync(name, RunPatches.Retry(run.Status.Retries), cancellationToken);
        var format = invocation.Get(_output);
        if (invocation.Get(_watch))
        {
            invocation.Console.Error.WriteLine($"Run {name} retry {retry} requested; Ctrl-C stops watching (the run keeps running).");
            return await RunWatch.WatchAsync(invocation, runs, name, format, r => r.Status.Retries >= retry, cancellationToken);
        }

        if (format == OutputFormat.Table)
        {
            invocation.Console.Out.WriteLine($"{ResourcePrinter.Reference(patched)} retried (retry {retry})");
            invocation.Console.Error.WriteLine($"Follow it with 'sharpflow runs get {name} -n {run.Namespace} --watch'.");
        }
        else
        {
            invocation.Printer.PrintObject(patched, format);
        }

        return ExitCodes.Ok;
    }
}
