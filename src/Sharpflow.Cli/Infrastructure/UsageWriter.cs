using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>Writes the help of the command a parse ended on, as <c>--help</c> would, to any writer (stderr for usage errors).</summary>
internal static class UsageWriter
{
    public static void Write(ParseResult parse, TextWriter writer)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        path.Add("--help");
        parse.RootCommandResult.Command.Parse(path).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }
}
