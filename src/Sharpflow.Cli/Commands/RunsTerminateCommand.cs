using System.CommandLine;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Cli.Runs;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow runs terminate NAME</c>: merge-patches <c>{"spec": {"terminate": true}}</c>.</summary>
internal sealed class RunsTerminateCommand : SharpflowCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The run's name" };

    public RunsTerminateCommand(CliContext context)
        : base(context, "terminate", RunHelp.Terminate)
    {
        Aliases.Add("stop");
        Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Get(_name)!;
        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var run = new RunView(await runs.GetAsync(name, cancellationToken));
        var reference = ResourcePrinter.Reference(run.Resource);
        if (run.Status.State is RunStates.Canceling or RunStates.Canceled)
        {
            invocation.Console.Out.WriteLine($"{reference} is already {run.State}");
            return ExitCodes.Ok;
        }

        if (run.IsFinished)
        {
            invocation.Console.Error.WriteLine(
                $"error: run {name} has already finished ({run.State}): there is nothing to terminate; 'sharpflow runs delete {name} -n {run.Namespace}' removes it");
            return ExitCodes.Failure;
        }

        await runs.PatchAsync(name, RunPatches.Terminate, cancellationToken);
        invocation.Console.Out.WriteLine($"{reference} terminating");
        invocation.Console.Error.WriteLine($"Running tasks are being stopped; 'sharpflow runs get {name} -n {run.Namespace} --watch' follows it to CANCELED.");
        return ExitCodes.Ok;
    }
}
