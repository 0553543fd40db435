using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>A component: its inputs and outputs, and exactly one of a DAG of tasks or an executor.</summary>
public sealed record ComponentSpec
{
    public ComponentIoDefinitions? InputDefinitions { get; init; }

    public ComponentIoDefinitions? OutputDefinitions { get; init; }

    public DagSpec? Dag { get; init; }

    /// <summary>Key of <see cref="DeploymentSpec.Executors"/> for a leaf component.</summary>
    public string? ExecutorLabel { get; init; }

    [JsonIgnore]
    public bool IsDag => Dag is not null;

    [JsonIgnore]
    public IReadOnlyDictionary<string, ParameterDefinition> InputParameters =>
        InputDefinitions?.Parameters ?? EmptyMap<ParameterDefinition>.Instance;

    [JsonIgnore]
    public IReadOnlyDictionary<string, ArtifactDefinition> InputArtifacts =>
        InputDefinitions?.Artifacts ?? EmptyMap<ArtifactDefinition>.Instance;

    [JsonIgnore]
    public IReadOnlyDictionary<string, ParameterDefinition> OutputParameters =>
        OutputDefinitions?.Parameters ?? EmptyMap<ParameterDefinition>.Instance;

    [JsonIgnore]
    public IReadOnlyDictionary<string, ArtifactDefinition> OutputArtifacts =>
        OutputDefinitions?.Artifacts ?? EmptyMap<ArtifactDefinition>.Instance;
}
