namespace Sharpflow.Pipelines.Ir;

public sealed record TaskInputArtifactSpec
{
    public TaskOutputArtifactSpec? TaskOutputArtifact { get; init; }

    /// <summary>An input artifact of the component that contains this task's DAG.</summary>
    public string? ComponentInputArtifact { get; init; }
}
