using System.CommandLine;

namespace Sharpflow.Cli.Output;

internal static class OutputOption
{
    public static Option<OutputFormat> Create() => new("--output", "-o")
    {
        Description = "Output format: table, json or yaml",
        HelpName = "table|json|yaml",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
