namespace Sharpflow.Dashboard.Runs.Artifacts;

public sealed record ScalarMetric(string Name, double Value);
