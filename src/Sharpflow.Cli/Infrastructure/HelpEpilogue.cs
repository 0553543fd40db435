using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>Prints the standard help, then a closing section (exit codes) under the root command's help.</summary>
internal sealed class HelpEpilogue(CommandLineAction help, Command root, string epilogue) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public static void AddTo(RootCommand root, string epilogue)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new HelpEpilogue(option.Action ?? new HelpAction(), root, epilogue);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = help is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : ExitCodes.Ok;
        if (parseResult.CommandResult.Command == root)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(epilogue);
        }

        return code;
    }
}
