using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>A task of a DAG: which component it runs, how its inputs are bound, and when and how often it runs.</summary>
public sealed record PipelineTaskSpec
{
    /// <summary>Display name; may differ from the task's key in the DAG (an exit handler shows the pipeline's name).</summary>
    public TaskInfo? TaskInfo { get; init; }

    public TaskInputsSpec? Inputs { get; init; }

    /// <summary>Upstream tasks that pass no data but must finish first.</summary>
    public IReadOnlyList<string> DependentTasks { get => field ?? []; init; }

    /// <summary>Absent or <c>{}</c> means caching is off: proto3 omits <c>enableCache: false</c>.</summary>
    public CachingOptions? CachingOptions { get; init; }

    public ComponentRef? ComponentRef { get; init; }

    public TriggerPolicy? TriggerPolicy { get; init; }

    public ArtifactIteratorSpec? ArtifactIterator { get; init; }

    public ParameterIteratorSpec? ParameterIterator { get; init; }

    public RetryPolicy? RetryPolicy { get; init; }

    public IteratorPolicy? IteratorPolicy { get; init; }

    [JsonIgnore]
    public bool CacheEnabled => CachingOptions?.EnableCache == true;

    [JsonIgnore]
    public TriggerStrategy Strategy => TriggerPolicy?.Strategy ?? TriggerStrategy.Unspecified;

    [JsonIgnore]
    public bool IsLoop => ArtifactIterator is not null || ParameterIterator is not null;

    [JsonIgnore]
    public IReadOnlyDictionary<string, TaskInputParameterSpec> InputParameters =>
        Inputs?.Parameters ?? EmptyMap<TaskInputParameterSpec>.Instance;

    [JsonIgnore]
    public IReadOnlyDictionary<string, TaskInputArtifactSpec> InputArtifacts =>
        Inputs?.Artifacts ?? EmptyMap<TaskInputArtifactSpec>.Instance;

    /// <summary>
    /// Every sibling task this task waits for: <see cref="DependentTasks"/> plus the producers of its
    /// inputs (task outputs and final statuses), without duplicates, in first-mention order.
    /// </summary>
    public IReadOnlyList<string> UpstreamTasks()
    {
        var upstream = new List<string>();
        void Add(string? task)
        {
            if (!string.IsNullOrEmpty(task) && !upstream.Contains(task))
            {
                upstream.Add(task);
            }
        }

        foreach (var task in DependentTasks)
        {
            Add(task);
        }

        foreach (var input in InputParameters.Values)
        {
            Add(input.TaskOutputParameter?.ProducerTask);
            Add(input.TaskFinalStatus?.ProducerTask);
        }

        foreach (var input in InputArtifacts.Values)
        {
            Add(input.TaskOutputArtifact?.ProducerTask);
        }

        return upstream;
    }
}
