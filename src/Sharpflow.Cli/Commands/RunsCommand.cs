using Sharpflow.Cli.Infrastructure;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow runs VERB</c>: the pipeline runs of a namespace.</summary>
internal sealed class RunsCommand : System.CommandLine.Command
{
    public RunsCommand(CliContext context)
        : base("runs", RunHelp.Runs)
    {
        Add(new RunsListCommand(context));
        Add(new RunsGetCommand(context));
        Add(new RunsLogsCommand(context));
        Add(new RunsTerminateCommand(context));
        Add(new RunsRetryCommand(context));
        Add(new RunsDeleteCommand(context));
    }
}
