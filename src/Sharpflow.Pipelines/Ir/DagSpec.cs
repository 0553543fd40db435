namespace Sharpflow.Pipelines.Ir;

public sealed record DagSpec
{
    public IReadOnlyDictionary<string, PipelineTaskSpec> Tasks { get => field ?? EmptyMap<PipelineTaskSpec>.Instance; init; }

    /// <summary>How the DAG component's outputs are taken from its tasks.</summary>
    public DagOutputsSpec? Outputs { get; init; }
}
