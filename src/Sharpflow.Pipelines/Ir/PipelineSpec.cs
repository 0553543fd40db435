namespace Sharpflow.Pipelines.Ir;

/// <summary>
/// A compiled KFP v2 pipeline (<c>PipelineSpec</c> in <c>api/v2alpha1/pipeline_spec.proto</c>), as the
/// SDK writes it in the first YAML document. Absent fields take proto3 defaults.
/// </summary>
public sealed record PipelineSpec
{
    public PipelineInfo? PipelineInfo { get; init; }

    /// <summary>The pipeline itself: a component whose <see cref="ComponentSpec.Dag"/> holds the top-level tasks.</summary>
    public ComponentSpec? Root { get; init; }

    /// <summary>Every component the pipeline uses, keyed by name (<c>comp-...</c>).</summary>
    public IReadOnlyDictionary<string, ComponentSpec> Components { get => field ?? EmptyMap<ComponentSpec>.Instance; init; }

    public DeploymentSpec? DeploymentSpec { get; init; }

    public string? SchemaVersion { get; init; }

    public string? SdkVersion { get; init; }

    /// <summary>Set only when the pipeline was compiled with <c>pipeline_root=</c>.</summary>
    public string? DefaultPipelineRoot { get; init; }

    public ComponentSpec? FindComponent(string? name) =>
        name is not null && Components.TryGetValue(name, out var component) ? component : null;

    public ExecutorSpec? FindExecutor(string? executorLabel) =>
        executorLabel is not null && DeploymentSpec?.Executors.TryGetValue(executorLabel, out var executor) == true ? executor : null;

    /// <summary>The component a task runs, or null when its reference is dangling.</summary>
    public ComponentSpec? ComponentOf(PipelineTaskSpec task) => FindComponent(task.ComponentRef?.Name);
}
