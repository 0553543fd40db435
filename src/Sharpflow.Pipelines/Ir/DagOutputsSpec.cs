namespace Sharpflow.Pipelines.Ir;

public sealed record DagOutputsSpec
{
    public IReadOnlyDictionary<string, DagOutputArtifactSpec> Artifacts { get => field ?? EmptyMap<DagOutputArtifactSpec>.Instance; init; }

    public IReadOnlyDictionary<string, DagOutputParameterSpec> Parameters { get => field ?? EmptyMap<DagOutputParameterSpec>.Instance; init; }
}
