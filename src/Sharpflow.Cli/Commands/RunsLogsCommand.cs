using System.CommandLine;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Runs;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow runs logs NAME [TASK] [-f]</c>.</summary>
internal sealed class RunsLogsCommand : SharpflowCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The run's name" };
    private readonly Argument<string?> _task = new("TASK") { Description = "A task's name or path (for-loop-1/2/train); default: every container task", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Keep printing new lines until the task (or, without TASK, the run) ends" };
    private readonly Option<int?> _tail = new("--tail") { Description = "Only the last N lines of each task's log", HelpName = "N" };

    public RunsLogsCommand(CliContext context)
        : base(context, "logs", RunHelp.Logs)
    {
        Add(_name);
        Add(_task);
        Add(_follow);
        Add(_tail);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Get(_tail) is < 0)
        {
            throw new UsageException("--tail must be zero or more lines");
        }

        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var options = new LogOptions { Follow = invocation.Get(_follow), TailLines = invocation.Get(_tail) };
        await new RunLogs(runs, invocation.Console, invocation.Time).PrintAsync(invocation.Get(_name)!, invocation.Get(_task), options, cancellationToken);
        return ExitCodes.Ok;
    }
}
