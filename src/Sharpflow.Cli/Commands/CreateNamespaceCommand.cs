using System.CommandLine;
using Sharpflow.Api.Resources;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Cli.Output;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow create namespace NAME</c>.</summary>
internal sealed class CreateNamespaceCommand : SharpflowCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The namespace name (lower-case letters, digits and '-')" };
    private readonly Option<OutputFormat?> _output = new("--output", "-o") { Description = "Print the created namespace as json or yaml instead of a message" };

    public CreateNamespaceCommand(CliContext context)
        : base(context, "namespace", "Create a namespace")
    {
        Aliases.Add("ns");
        Add(_name);
        Add(_output);
    }

    protected override async Task<int> ExecuteAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var created = await invocation.Client.CreateAsync(
            new Resource { ApiVersion = "v1", Kind = "Namespace", Metadata = new ObjectMeta { Name = invocation.Get(_name) } },
            cancellationToken);
        if (invocation.Get(_output) is OutputFormat.Json or OutputFormat.Yaml)
        {
            invocation.Printer.PrintObject(created, invocation.Get(_output)!.Value);
        }
        else
        {
            invocation.Console.Out.WriteLine($"{ResourcePrinter.Reference(created)} created");
        }

        return ExitCodes.Ok;
    }
}
