using System.CommandLine;
using System.CommandLine.Invocation;
using Sharpflow.Cli.Commands;
using Sharpflow.Cli.Infrastructure;

namespace Sharpflow.Cli;

/// <summary>The <c>sharpflow</c> command tree. Runs in-process with any console, so tests drive it like a user.</summary>
internal sealed class SharpflowCli
{
    // Long enough for 'sharpflow up' to stop its workloads after Ctrl-C before the process is ended anyway.
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(30);

    private readonly CliContext _context;

    public SharpflowCli(CliConsole console, TimeProvider time)
    {
        _context = new CliContext(console, time);
        Root = new RootCommand("Sharpflow: machine-learning pipelines, tuning, training, serving and notebooks on one machine or a cluster.");
        Root.Add(_context.Options.Server);
        Root.Add(_context.Options.Namespace);
        Root.Add(new UpCommand(_context));
        Root.Add(new ApplyCommand(_context));
        Root.Add(new GetCommand(_context));
        Root.Add(new DescribeCommand(_context));
        Root.Add(new DeleteCommand(_context));
        Root.Add(new LogsCommand(_context));
        Root.Add(new CreateCommand(_context));
        Root.Add(new RunCommand(_context));
        Root.Add(new RunsCommand(_context));
        HelpEpilogue.AddTo(Root, ExitCodes.Describe());
        RunHelpExamples.AddTo(Root);
    }

    public RootCommand Root { get; }

    /// <summary>Parses and runs. With <paramref name="handleTermination"/>, Ctrl-C and SIGTERM cancel the command.</summary>
    public async Task<int> InvokeAsync(string[] args, bool handleTermination = false, CancellationToken cancellationToken = default)
    {
        var parse = Root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                _context.Console.Error.WriteLine($"error: {error.Message}");
            }

            _context.Console.Error.WriteLine();
            UsageWriter.Write(parse, _context.Console.Error);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = _context.Console.Out,
            Error = _context.Console.Error,
            ProcessTerminationTimeout = handleTermination ? TerminationGrace : null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
