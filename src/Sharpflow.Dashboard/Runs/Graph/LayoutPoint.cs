namespace Sharpflow.Dashboard.Runs.Graph;

public readonly record struct LayoutPoint(double X, double Y);
