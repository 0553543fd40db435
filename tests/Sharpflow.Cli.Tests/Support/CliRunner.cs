using Microsoft.Extensions.Time.Testing;
using Sharpflow.Cli.Infrastructure;

namespace Sharpflow.Cli.Tests.Support;

/// <summary>Runs the <c>sharpflow</c> command tree in-process with captured stdout, stderr and stdin, as a user would.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: string.Empty);

    public static async Task<CliResult> RunAsync(string[] args, string stdin, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var cli = new SharpflowCli(new CliConsole(output, error, input), time ?? TimeProvider.System);
        var code = await cli.InvokeAsync(args, cancellationToken: cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static FakeTimeProvider FixedClock(DateTimeOffset now) => new(now);
}
