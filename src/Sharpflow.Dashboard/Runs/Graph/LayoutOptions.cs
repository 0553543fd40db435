namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>Node size and spacing of a graph layout, in SVG user units (pixels at 100%).</summary>
internal sealed record LayoutOptions
{
    public static LayoutOptions Default { get; } = new();

    public double NodeWidth { get; init; } = 252;

    public double NodeHeight { get; init; } = 56;

    /// <summary>Vertical distance between layers.</summary>
    public double LayerGap { get; init; } = 56;

    /// <summary>Horizontal distance between nodes of a layer.</summary>
    public double NodeGap { get; init; } = 32;

    /// <summary>Space around the drawing.</summary>
    public double Margin { get; init; } = 24;
}
