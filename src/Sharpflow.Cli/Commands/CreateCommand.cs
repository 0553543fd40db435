using Sharpflow.Cli.Infrastructure;

namespace Sharpflow.Cli.Commands;

/// <summary><c>sharpflow create ...</c>: shortcuts for objects that need no manifest.</summary>
internal sealed class CreateCommand : System.CommandLine.Command
{
    public CreateCommand(CliContext context)
        : base("create", "Create an object from the command line")
    {
        Add(new CreateNamespaceCommand(context));
    }
}
