using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Sharpflow.Cli.Infrastructure;
using Sharpflow.Client;
using Sharpflow.Server.Hosting;
using Spectre.Console;

namespace Sharpflow.Cli.Commands;

/// <summary>
/// <c>sharpflow up</c>: runs the whole platform in this process (API, controllers, local runtime,
/// dashboard) until Ctrl-C or SIGTERM. The only command that does not talk to a server.
/// </summary>
internal sealed class UpCommand : Command
{
    private readonly Option<int?> _port = new("--port", "-p")
    {
        Description = $"Port to listen on at 127.0.0.1 (0 picks a free one) [default: {SharpflowServerOptions.DefaultPort}]",
        HelpName = "PORT",
    };

    private readonly Option<string?> _dataDir = new("--data-dir")
    {
        Description = "Where the database, artifacts, logs and workloads are kept [default: ~/.sharpflow]",
        HelpName = "DIR",
    };

    private readonly CliConsole _console;

    public UpCommand(CliContext context)
        : base("up", "Start Sharpflow on this machine and serve the dashboard")
    {
        _console = context.Console;
        Add(_port);
        Add(_dataDir);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new SharpflowServerOptions
        {
            Port = parse.GetValue(_port),
            DataDirectory = parse.GetValue(_dataDir),
            ConfigureServices = services => ConfigureLogging(services, _console.Interactive),
        };
        WebApplication app;
        try
        {
            app = SharpflowHost.Build(options);
        }
        catch (OptionsValidationException e)
        {
            _console.Error.WriteLine($"error: invalid settings: {string.Join("; ", e.Failures)}");
            return ExitCodes.Usage;
        }

        await using (app)
        {
            try
            {
                await StartAsync(app, cancellationToken);
            }
            catch (IOException e)
            {
                _console.Error.WriteLine($"error: cannot start the server: {e.Message}");
                return ExitCodes.Failure;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            PrintWelcome(app);
            await app.WaitForShutdownAsync(cancellationToken);
            _console.Error.WriteLine("Sharpflow stopped.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The server's log is diagnostics, so it goes to stderr and stdout keeps only what 'up' reports.
    /// Per-request lines are left out. On a terminal only warnings and errors are logged, so that the
    /// start-up spinner and the welcome lines stay readable; redirected, the info log is kept.
    /// </summary>
    private static void ConfigureLogging(IServiceCollection services, bool interactive)
    {
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddLogging(logging =>
        {
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            if (interactive)
            {
                logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            }
        });
    }

    private Task StartAsync(WebApplication app, CancellationToken cancellationToken) =>
        _console.Interactive
            ? _console.ErrorAnsi.Status().StartAsync("Starting Sharpflow...", _ => app.StartAsync(cancellationToken))
            : app.StartAsync(cancellationToken);

    private void PrintWelcome(WebApplication app)
    {
        var address = SharpflowHost.GetListenAddresses(app)[0];
        var dataDirectory = app.Services.GetRequiredService<SharpflowServerOptions>().DataDirectory;
        var root = new UriBuilder(address) { Path = "/" }.Uri;
        _console.Out.WriteLine($"Sharpflow is running at {root}");
        _console.Out.WriteLine($"  dashboard: {root}");
        _console.Out.WriteLine($"  data dir:  {dataDirectory}");
        var server = root.ToString().TrimEnd('/');
        _console.Out.WriteLine(server == SharpflowClient.DefaultServer ? "  try:       sharpflow get kinds" : $"  try:       sharpflow --server {server} get kinds");
        _console.Out.Flush();
        _console.Error.WriteLine("Press Ctrl-C to stop.");
    }
}
