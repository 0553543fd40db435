using System.CommandLine;
using Sharpflow.Cli.Output;
using Sharpflow.Client;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>What one command run works with: its parsed arguments, a client for the chosen server, the console and the clock.</summary>
internal sealed class CliInvocation(ParseResult parse, SharpflowClient client, Uri server, string ns, CliConsole console, TimeProvider time)
{
    public ParseResult Parse { get; } = parse;

    public SharpflowClient Client { get; } = client;

    public Uri Server { get; } = server;

    /// <summary>The <c>--namespace</c> value ("default" unless given).</summary>
    public string Namespace { get; } = ns;

    public CliConsole Console { get; } = console;

    public TimeProvider Time { get; } = time;

    public ResourcePrinter Printer { get; } = new(console, time);

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);
}
