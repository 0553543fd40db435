namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>Where a node is drawn: its top-left corner and size, in SVG user units.</summary>
public sealed record NodeBox(string Key, double X, double Y, double Width, double Height)
{
    public LayoutPoint TopCenter => new(X + (Width / 2), Y);

    public LayoutPoint BottomCenter => new(X + (Width / 2), Y + Height);

    public bool Overlaps(NodeBox other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
}
