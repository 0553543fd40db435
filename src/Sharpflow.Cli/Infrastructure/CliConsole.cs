using Spectre.Console;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, diagnostics and errors to <see cref="Error"/>.
/// Tests pass their own writers; tables go through <see cref="Ansi"/>, which writes to <see cref="Out"/>.
/// </summary>
internal sealed class CliConsole
{
    // Tables never wrap: long names stay on one line, as kubectl prints them, so scripts can cut columns.
    private const int TableWidth = 1000;

    public CliConsole(TextWriter output, TextWriter error, TextReader input, bool interactive = false)
    {
        Out = output;
        Error = error;
        In = input;
        Interactive = interactive;
        Ansi = Create(output, interactive: false);
        ErrorAnsi = Create(error, interactive);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TextReader In { get; }

    /// <summary>True when stderr is a terminal: spinners and live progress are shown only then.</summary>
    public bool Interactive { get; }

    public IAnsiConsole Ansi { get; }

    public IAnsiConsole ErrorAnsi { get; }

    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, Console.In, interactive: !Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = TableWidth;
        return console;
    }
}
