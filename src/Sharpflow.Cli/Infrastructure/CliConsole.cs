using Spectre.Console;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, diagnostics and errors to <see cref="Error"/>.
/// Tests pass their own writers. Live progress goes to <see cref="ErrorAnsi"/>, only on a terminal.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool interactive = false)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>True when stderr is a terminal: spinners and live progress are shown only then.</summary>
    public bool Interactive { get; } = interactive;

    public IAnsiConsole ErrorAnsi { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        Out = new AnsiConsoleOutput(error),
    });

    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, Console.In, interactive: !Console.IsErrorRedirected);
}
