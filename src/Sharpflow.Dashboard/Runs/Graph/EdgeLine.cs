namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>An edge as drawn: from the bottom of its source to the top of its target, through any bend points.</summary>
public sealed record EdgeLine(string From, string To, IReadOnlyList<LayoutPoint> Points)
{
    /// <summary>SVG path data: a smooth vertical S-curve through the points.</summary>
    public string PathData => EdgePaths.Curve(Points);
}
