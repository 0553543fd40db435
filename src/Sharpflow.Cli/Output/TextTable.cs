using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sharpflow.Cli.Output;

/// <summary>
/// A borderless table in kubectl's layout: upper-case headers, columns three spaces apart, nothing
/// wrapped, no trailing blanks. Returns the column widths so that rows printed later (watch) line
/// up under the first ones.
/// </summary>
internal sealed class TextTable(IReadOnlyList<string> headers)
{
    private const int Gap = 3;

    // Wide enough that Spectre never wraps a cell: long names stay on one line so scripts can cut columns.
    private const int RenderWidth = 4096;

    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"a row needs {Headers.Count} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>
    /// Writes the table, <paramref name="indent"/> columns from the left. With <paramref name="widths"/>
    /// (from an earlier call) no header is printed and columns are at least that wide.
    /// </summary>
    public IReadOnlyList<int> Write(TextWriter writer, IReadOnlyList<int>? widths = null, int indent = 0)
    {
        var computed = Headers
            .Select((header, i) => Math.Max(widths?[i] ?? header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length)))
            .ToArray();
        var table = new Table().Border(TableBorder.None);
        table.ShowHeaders = widths is null;
        for (var i = 0; i < Headers.Count; i++)
        {
            var last = i == Headers.Count - 1;
            table.AddColumn(new TableColumn(new Text(Headers[i]))
            {
                Width = last ? null : computed[i],
                NoWrap = true,
                Padding = new Padding(0, 0, last ? 0 : Gap, 0),
            });
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        }

        var prefix = new string(' ', indent);
        foreach (var line in Render(table).Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0)
            {
                writer.WriteLine(prefix + trimmed);
            }
        }

        writer.Flush();
        return computed;
    }

    private static string Render(Table table)
    {
        using var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = RenderWidth;
        console.Write(table);
        return buffer.ToString();
    }
}
