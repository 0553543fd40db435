namespace Sharpflow.Pipelines.Ir;

/// <summary>A DAG output artifact: the artifacts of the selected subtasks, aggregated (a list for loops and collected outputs).</summary>
public sealed record DagOutputArtifactSpec
{
    public IReadOnlyList<ArtifactSelector> ArtifactSelectors { get => field ?? []; init; }
}
