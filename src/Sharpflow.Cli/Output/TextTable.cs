using Spectre.Console;

namespace Sharpflow.Cli.Output;

/// <summary>
/// A borderless table in kubectl's layout: upper-case headers, columns three spaces apart, nothing
/// wrapped. Returns the column widths so that rows printed later (watch) line up under the first.
/// </summary>
internal sealed class TextTable(IReadOnlyList<string> headers)
{
    private const int Gap = 3;

    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public int Count => _rows.Count;

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"a row needs {Headers.Count} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table, <paramref name="indent"/> columns from the left; with <paramref name="widths"/> (from an earlier call) the columns keep those widths and no header is printed.</summary>
    public IReadOnlyList<int> Write(IAnsiConsole console, IReadOnlyList<int>? widths = null, int indent = 0)
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
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
        }

        console.Write(indent == 0 ? table : new Padder(table, new Padding(indent, 0, 0, 0)));
        return computed;
    }
}
