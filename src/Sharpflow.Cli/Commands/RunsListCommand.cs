using System.CommandLine;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Cli.Runs;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow runs list [-A] [--state S]</c>.</summary>
internal sealed class RunsListCommand : SharpflowCommand
{
    private static readonly string[] States =
        [RunStates.Pending, RunStates.Running, RunStates.Succeeded, RunStates.Skipped, RunStates.Failed, RunStates.Canceling, RunStates.Canceled];

    private readonly Option<bool> _allNamespaces = new("--all-namespaces", "-A") { Description = "List the runs of every namespace" };
    private readonly Option<string?> _state = new("--state") { Description = "Only runs in this state: " + string.Join(", ", States), HelpName = "STATE" };
    private readonly Option<OutputFormat> _output = OutputOption.Create();

    public RunsListCommand(CliContext context)
        : base(context, "list", RunHelp.List)
    {
        Aliases.Add("ls");
        Add(_allNamespaces);
        Add(_state);
        Add(_output);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var state = invocation.Get(_state)?.ToUpperInvariant();
        if (state is not null && !States.Contains(state))
        {
            throw new UsageException($"--state {invocation.Get(_state)}: a run state is one of {string.Join(", ", States)}");
        }

        var allNamespaces = invocation.Get(_allNamespaces);
        var runs = new RunClient(invocation.Client, invocation.Namespace);
        var items = (await runs.ListAsync(allNamespaces, cancellationToken))
            .Select(r => new RunView(r))
            .Where(r => state is null || r.State == state)
            .OrderBy(r => r.Resource.Metadata.CreationTimestamp)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var format = invocation.Get(_output);
        if (format != OutputFormat.Table)
        {
            invocation.Printer.PrintList(new ResourceList { Kind = "RunList", ApiVersion = PipelineKinds.Run.ApiVersion, Items = [.. items.Select(r => r.Resource)] }, format);
            return ExitCodes.Ok;
        }

        if (items.Count == 0)
        {
            var where = allNamespaces ? "in any namespace" : $"in namespace {invocation.Namespace}";
            invocation.Console.Error.WriteLine($"No {(state is null ? string.Empty : state + " ")}runs found {where}.");
            return ExitCodes.Ok;
        }

        RunTable.Write(invocation.Console.Out, items, allNamespaces, invocation.Time.GetUtcNow(), invocation.Time);
        return ExitCodes.Ok;
    }
}
