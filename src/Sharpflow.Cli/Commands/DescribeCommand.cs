using System.CommandLine;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;
using Sharpflow.Core.Events;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow describe KIND NAME</c>: metadata, conditions, spec, status and events of one object.</summary>
internal sealed class DescribeCommand : SharpflowCommand
{
    private const int EventLimit = 50;

    private readonly Argument<string> _kind = new("KIND") { Description = "A kind, plural or short name" };
    private readonly Argument<string[]> _names = new("NAME") { Description = "Names of objects", Arity = ArgumentArity.OneOrMore };

    public DescribeCommand(CliContext context)
        : base(context, "describe", "Show the details and recent events of objects")
    {
        Add(_kind);
        Add(_names);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var kind = await invocation.Client.ResolveKindAsync(invocation.Get(_kind)!, cancellationToken);
        var ns = kind.Namespaced ? invocation.Namespace : null;
        var describer = new ResourceDescriber(invocation.Console, invocation.Time);
        var first = true;
        foreach (var name in invocation.Get(_names) ?? [])
        {
            var resource = await invocation.Client.GetAsync(kind, ns, name, cancellationToken);
            var events = await invocation.Client.ListEventsAsync(
                new EventQuery { Namespace = ns, Kind = resource.Kind, Name = name, Limit = EventLimit },
                cancellationToken);
            if (!first)
            {
                invocation.Console.Out.WriteLine();
            }

            describer.Describe(resource, events.Where(e => e.InvolvedObject.Uid is null || e.InvolvedObject.Uid == resource.Metadata.Uid).ToList());
            first = false;
        }

        return ExitCodes.Ok;
    }
}
