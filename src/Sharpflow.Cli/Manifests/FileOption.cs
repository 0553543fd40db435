using System.CommandLine;

namespace Sharpflow.Cli.Manifests;

internal static class FileOption
{
    public static Option<string[]> Create(string description) => new("--filename", "-f")
    {
        Description = description,
        HelpName = "FILE|DIR|-",
        AllowMultipleArgumentsPerToken = false,
    };
}
