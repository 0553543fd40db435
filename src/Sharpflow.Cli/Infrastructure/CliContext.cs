using System.CommandLine;
using System.Net.Http;
using System.Text.Json;
using Sharpflow.Api.Errors;
using Sharpflow.Client;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>
/// Shared by every command: the console, the clock and the global options. <see cref="RunAsync"/>
/// turns the errors a user can cause into one line on stderr and an exit code, never a stack trace.
/// </summary>
internal sealed class CliContext(CliConsole console, TimeProvider time)
{
    public CliConsole Console { get; } = console;

    public TimeProvider Time { get; } = time;

    public GlobalOptions Options { get; } = new();

    public async Task<int> RunAsync(ParseResult parse, Func<CliInvocation, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        Uri server;
        try
        {
            server = SharpflowClient.ResolveServer(parse.GetValue(Options.Server));
        }
        catch (UriFormatException)
        {
            server = new Uri("invalid:");
        }

        if (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps)
        {
            return Usage(parse, "--server (or SHARPFLOW_SERVER) must be an http or https URL such as http://127.0.0.1:8080");
        }

        using var http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        var ns = parse.GetValue(Options.Namespace) ?? GlobalOptions.DefaultNamespace;
        var invocation = new CliInvocation(parse, new SharpflowClient(http), server, ns, Console, Time);
        try
        {
            return await body(invocation, cancellationToken);
        }
        catch (ResourceException e)
        {
            Console.Error.WriteLine(ErrorMessages.FromServer(e));
            return ErrorMessages.ExitCode(e);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine(ErrorMessages.Unreachable(server, e));
            return ExitCodes.Unreachable;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"error: lost the connection to the Sharpflow server at {ErrorMessages.Display(server)}: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"error: the server at {ErrorMessages.Display(server)} did not answer like a Sharpflow server: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UsageException e)
        {
            return Usage(parse, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }

    public int Usage(ParseResult parse, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine();
        UsageWriter.Write(parse, Console.Error);
        return ExitCodes.Usage;
    }
}
