using System.CommandLine;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Cli.Runs;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow runs get NAME [--watch]</c>.</summary>
internal sealed class RunsGetCommand : SharpflowCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The run's name" };
    private readonly Option<bool> _watch = new("--watch", "-w") { Description = "Show the tasks' progress until the run ends; exit non-zero unless it succeeded" };
    private readonly Option<OutputFormat> _output = OutputOption.Create();

    public RunsGetCommand(CliContext context)
        : base(context, "get", RunHelp.Get)
    {
        Add(_name);
        Add(_watch);
        Add(_output);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Get(_name)!;
        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var format = invocation.Get(_output);
        if (invocation.Get(_watch))
        {
            return await RunWatch.WatchAsync(invocation, runs, name, format, null, cancellationToken);
        }

        var run = await runs.GetAsync(name, cancellationToken);
        if (format != OutputFormat.Table)
        {
            invocation.Printer.PrintObject(run, format);
            return ExitCodes.Ok;
        }

        var tasks = await runs.ListTasksAsync(name, cancellationToken);
        new RunDetailsWriter(invocation.Console.Out, invocation.Time).Write(new RunSnapshot(new RunView(run), tasks));
        return ExitCodes.Ok;
    }
}
