using Sharpflow.Cli.Infrastructure;

namespace Sharpflow.Cli.Tests.Support;

/// <summary>A long-running command (get -w, logs -f, up) started in-process; <see cref="StopAsync"/> interrupts it like Ctrl-C.</summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _interrupt = new();

    private CliSession(string[] args)
    {
        var cli = new SharpflowCli(new CliConsole(Out, Error, TextReader.Null), TimeProvider.System);
        Completion = Task.Run(() => cli.InvokeAsync(args, cancellationToken: _interrupt.Token));
    }

    public SharedWriter Out { get; } = new();

    public SharedWriter Error { get; } = new();

    public Task<int> Completion { get; }

    public static CliSession Start(params string[] args) => new(args);

    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        Testing.TestWait.UntilAsync(
            () => Completion.IsCompleted
                ? throw new InvalidOperationException($"the command ended early: exit {Completion.Result}\n{Out}\n{Error}")
                : Out.ToString().Contains(text, StringComparison.Ordinal),
            timeout,
            $"\"{text}\" on stdout (so far: {Out})");

    public async Task<int> StopAsync()
    {
        await _interrupt.CancelAsync();
        return await Completion.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            await StopAsync();
        }

        _interrupt.Dispose();
        Out.Dispose();
        Error.Dispose();
    }
}
