using System.CommandLine;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow logs KIND/NAME | KIND NAME | POD</c>: the log of what a resource runs, optionally followed.</summary>
internal sealed class LogsCommand : SharpflowCommand
{
    private const string DefaultKind = "pods";

    private readonly Argument<string[]> _target = new("KIND/NAME") { Description = "KIND/NAME, KIND NAME, or a pod name", Arity = new ArgumentArity(1, 2) };
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Keep streaming new lines until the workload ends or you interrupt" };
    private readonly Option<int?> _tail = new("--tail") { Description = "Only the last N lines", HelpName = "N" };

    public LogsCommand(CliContext context)
        : base(context, "logs", "Print the log of a pod, job, run or other resource that runs workloads")
    {
        Add(_target);
        Add(_follow);
        Add(_tail);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var (kindName, name) = Target(invocation.Get(_target) ?? []);
        if (invocation.Get(_tail) is < 0)
        {
            throw new UsageException("--tail must be zero or more lines");
        }

        var kind = await invocation.Client.ResolveKindAsync(kindName, cancellationToken);
        var options = new LogOptions { Follow = invocation.Get(_follow), TailLines = invocation.Get(_tail) };
        try
        {
            await foreach (var line in invocation.Client.ReadLogAsync(kind, invocation.Namespace, name, options, cancellationToken))
            {
                await invocation.Console.Out.WriteLineAsync(line);
                await invocation.Console.Out.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && options.Follow)
        {
            // Interrupting a follow is how it normally ends.
        }

        return ExitCodes.Ok;
    }

    private static (string Kind, string Name) Target(string[] target)
    {
        if (target.Length == 2)
        {
            return (target[0], target[1]);
        }

        var slash = target[0].IndexOf('/', StringComparison.Ordinal);
        return slash switch
        {
            < 0 => (DefaultKind, target[0]),
            _ when slash == 0 || slash == target[0].Length - 1 => throw new UsageException($"\"{target[0]}\" is not KIND/NAME"),
            _ => (target[0][..slash], target[0][(slash + 1)..]),
        };
    }
}
