namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>Nodes without edges between them (a loop's iterations) in rows of at most <paramref name="columns"/>.</summary>
internal static class GridLayout
{
    public static GraphLayout Compute(IReadOnlyList<string> keys, LayoutOptions options, int columns = 5)
    {
        if (keys.Count == 0)
        {
            return GraphLayout.Empty;
        }

        var boxes = keys.Select((key, i) => new NodeBox(
            key,
            options.Margin + (i % columns * (options.NodeWidth + options.NodeGap)),
            options.Margin + (i / columns * (options.NodeHeight + options.NodeGap)),
            options.NodeWidth,
            options.NodeHeight)).ToList();
        return new GraphLayout(
            boxes.Max(b => b.X + b.Width) + options.Margin,
            boxes.Max(b => b.Y + b.Height) + options.Margin,
            boxes,
            []);
    }
}
