using System.CommandLine;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public const string DefaultNamespace = "default";

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "The Sharpflow server URL (default: $SHARPFLOW_SERVER, else http://127.0.0.1:8080)",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace of namespaced objects",
        HelpName = "NAME",
        Recursive = true,
        DefaultValueFactory = _ => DefaultNamespace,
    };
}
