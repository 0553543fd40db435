using System.CommandLine;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>A verb that talks to the server: the action runs through <see cref="CliContext.RunAsync"/> for uniform errors.</summary>
internal abstract class SharpflowCommand : Command
{
    protected SharpflowCommand(CliContext context, string name, string description)
        : base(name, description)
    {
        Context = context;
        SetAction((parse, cancellationToken) => context.RunAsync(parse, ExecuteAsync, cancellationToken));
    }

    protected CliContext Context { get; }

    protected abstract Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken);
}
