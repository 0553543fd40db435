namespace Sharpflow.Pipelines.Ir;

/// <summary>The <c>inputDefinitions</c> or <c>outputDefinitions</c> of a component.</summary>
public sealed record ComponentIoDefinitions
{
    public IReadOnlyDictionary<string, ParameterDefinition> Parameters { get => field ?? EmptyMap<ParameterDefinition>.Instance; init; }

    public IReadOnlyDictionary<string, ArtifactDefinition> Artifacts { get => field ?? EmptyMap<ArtifactDefinition>.Instance; init; }
}
