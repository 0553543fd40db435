namespace Sharpflow.Pipelines.Ir;

public sealed record TaskInputsSpec
{
    public IReadOnlyDictionary<string, TaskInputParameterSpec> Parameters { get => field ?? EmptyMap<TaskInputParameterSpec>.Instance; init; }

    public IReadOnlyDictionary<string, TaskInputArtifactSpec> Artifacts { get => field ?? EmptyMap<TaskInputArtifactSpec>.Instance; init; }
}
