using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Sharpflow.Cli.Commands;

/// <summary>Ends the help of the pipeline commands with their examples (<see cref="RunHelp.Examples"/>), after what the help showed before.</summary>
internal sealed class RunHelpExamples(CommandLineAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public static void AddTo(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new RunHelpExamples(option.Action ?? new HelpAction());
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = help is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : ExitCodes.Ok;
        if (RunHelp.Examples.TryGetValue(PathOf(parseResult.CommandResult), out var examples))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }

        return code;
    }

    private static string PathOf(CommandResult command)
    {
        var names = new List<string>();
        for (var result = command; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
