using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Cli.Runs;

/// <summary>A Run resource with its status read as <see cref="RunStatus"/>.</summary>
internal sealed class RunView(Resource resource)
{
    public Resource Resource { get; } = resource;

    public RunStatus Status { get; } = resource.GetStatus<RunStatus>() ?? new RunStatus();

    public string Name => Resource.Metadata.Name ?? string.Empty;

    public string Namespace => Resource.Metadata.Namespace ?? string.Empty;

    /// <summary><c>status.state</c>; PENDING until the engine first wrote it, DELETING once the run is being deleted.</summary>
    public string State => Resource.Metadata.DeletionTimestamp is not null ? "DELETING" : Status.State ?? RunStates.Pending;

    public bool IsFinished => RunStates.IsFinal(Status.State);

    public bool Succeeded => Status.State is RunStates.Succeeded or RunStates.Skipped;

    /// <summary>The pipeline's name: from the status once the engine read it, else from the inline spec or the version reference.</summary>
    public string PipelineName =>
        Status.PipelineName
        ?? Text(Resource.Spec?["pipelineSpec"]?["pipelineInfo"]?["name"])
        ?? Text(Resource.Spec?["pipelineSpec"]?["pipeline_spec"]?["pipelineInfo"]?["name"])
        ?? Text(Resource.Spec?["pipelineVersionRef"]?["pipelineName"])
        ?? "-";

    /// <summary>When the run was submitted (the status' createdAt, else the object's creation time).</summary>
    public DateTimeOffset? CreatedAt => Status.CreatedAt ?? Resource.Metadata.CreationTimestamp;

    /// <summary>
    /// From its submission to its end (as KFP counts a run's duration), or to <paramref name="now"/> while it
    /// runs; null before it started.
    /// </summary>
    public TimeSpan? Duration(DateTimeOffset now) =>
        Status.StartedAt is not null && CreatedAt is { } created ? (IsFinished ? Status.FinishedAt ?? now : now) - created : null;

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
