using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sharpflow.Cli.Runs;

/// <summary>Renders Spectre output as plain text (no colours, nothing wrapped) for stdout, where scripts may read it.</summary>
internal static class PlainText
{
    private const int Width = 4096;

    public static void Write(TextWriter writer, IRenderable renderable)
    {
        using var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = Width;
        console.Profile.Capabilities.Unicode = true;
        console.Write(renderable);
        foreach (var line in buffer.ToString().TrimEnd('\n').Split('\n'))
        {
            writer.WriteLine(line.TrimEnd());
        }
    }
}
