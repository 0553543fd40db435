using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sharpflow.Pipelines.Python;

/// <summary>
/// Decides how a container command runs: a compiled Python-function component runs unchanged when
/// the configured interpreter can import kfp, and otherwise without its pip step, on Sharpflow's kfp
/// runtime (see <see cref="PythonComponentPrologue"/>). Other commands are returned unchanged.
/// Whether kfp is importable is checked once, on first use.
/// </summary>
internal sealed partial class PythonComponentCommand
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private readonly PythonRuntimeOptions options;
    private readonly ILogger<PythonComponentCommand> logger;
    private readonly Lazy<Task<bool>> kfpImportable;

    public PythonComponentCommand(IOptions<PythonRuntimeOptions> options, ILogger<PythonComponentCommand> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        kfpImportable = new Lazy<Task<bool>>(ProbeKfpAsync);
    }

    public async Task<PythonComponentLaunch> ResolveAsync(
        IReadOnlyList<string> command, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (!PythonComponentPrologue.IsPythonComponent(command, args)
            || await kfpImportable.Value.WaitAsync(cancellationToken))
        {
            return PythonComponentLaunch.Unchanged(command, args);
        }

        return PythonComponentPrologue.Rewrite(command, args, options.Interpreter, options.RuntimeDirectory)
            ?? PythonComponentLaunch.Unchanged(command, args);
    }

    private async Task<bool> ProbeKfpAsync()
    {
        var start = new ProcessStartInfo(options.Interpreter)
        {
            ArgumentList = { "-c", "import kfp.dsl.executor_main" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{options.Interpreter} did not start.");
            var output = Task.WhenAll(
                process.StandardOutput.ReadToEndAsync(timeout.Token),
                process.StandardError.ReadToEndAsync(timeout.Token));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await output;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var importable = process.ExitCode == 0;
            if (importable)
            {
                LogKfpImportable(logger, options.Interpreter);
            }
            else
            {
                LogUsingSharpflowRuntime(logger, options.Interpreter, options.RuntimeDirectory);
            }

            return importable;
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or OperationCanceledException)
        {
            LogProbeFailed(logger, options.Interpreter, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Interpreter} imports kfp: Python components run as compiled")]
    private static partial void LogKfpImportable(ILogger logger, string interpreter);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Interpreter} cannot import kfp: Python components skip their pip step and run with Sharpflow's kfp runtime from {RuntimeDirectory}")]
    private static partial void LogUsingSharpflowRuntime(ILogger logger, string interpreter, string runtimeDirectory);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not check whether {Interpreter} imports kfp; Python components will use Sharpflow's kfp runtime")]
    private static partial void LogProbeFailed(ILogger logger, string interpreter, Exception exception);
}
