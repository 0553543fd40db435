namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>An edge as drawn; <see cref="Satisfied"/> once its source succeeded (or was cached), which darkens it.</summary>
public sealed record SceneEdge(EdgeLine Line, bool Satisfied);
