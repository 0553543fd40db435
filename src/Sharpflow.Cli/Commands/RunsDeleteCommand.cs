using System.CommandLine;
using Sharpflow.Api.Errors;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Cli.Runs;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow runs delete NAME...</c>.</summary>
internal sealed class RunsDeleteCommand : SharpflowCommand
{
    private readonly Argument<string[]> _names = new("NAME") { Description = "The runs' names", Arity = ArgumentArity.OneOrMore };

    public RunsDeleteCommand(CliContext context)
        : base(context, "delete", RunHelp.Delete)
    {
        Aliases.Add("rm");
        Add(_names);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var result = ExitCodes.Ok;
        foreach (var name in invocation.Get(_names) ?? [])
        {
            try
            {
                var last = await runs.DeleteAsync(name, cancellationToken);
                var pending = last.Metadata is { DeletionTimestamp: not null, Finalizers.Count: > 0 };
                invocation.Console.Out.WriteLine($"{ResourcePrinter.Reference(last)} {(pending ? "marked for deletion" : "deleted")}");
            }
            catch (ResourceException e)
            {
                invocation.Console.Error.WriteLine(ErrorMessages.FromServer(e));
                result = result == ExitCodes.Ok ? ErrorMessages.ExitCode(e) : result;
            }
        }

        return result;
    }
}
