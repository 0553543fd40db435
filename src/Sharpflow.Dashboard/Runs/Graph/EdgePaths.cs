using System.Globalization;
using System.Text;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>SVG path data for edges of a top-to-bottom layered graph.</summary>
internal static class EdgePaths
{
    /// <summary>
    /// A cubic Bézier per segment whose control points sit straight below and above its ends, so an edge
    /// leaves its source and enters its target vertically and bends smoothly between layers.
    /// </summary>
    public static string Curve(IReadOnlyList<LayoutPoint> points)
    {
        if (points.Count < 2)
        {
            return string.Empty;
        }

        var path = new StringBuilder();
        path.Append(CultureInfo.InvariantCulture, $"M{N(points[0].X)},{N(points[0].Y)}");
        for (var i = 1; i < points.Count; i++)
        {
            var (from, to) = (points[i - 1], points[i]);
            var bend = (to.Y - from.Y) / 2;
            path.Append(CultureInfo.InvariantCulture, $" C{N(from.X)},{N(from.Y + bend)} {N(to.X)},{N(to.Y - bend)} {N(to.X)},{N(to.Y)}");
        }

        return path.ToString();
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
