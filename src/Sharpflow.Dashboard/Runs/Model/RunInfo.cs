using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>What the Runs pages show of a <c>Run</c> resource, read from its spec and status.</summary>
public sealed record RunInfo
{
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    public string? Uid { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>pipelineInfo.name, from the status once the run started, else from the spec.</summary>
    public string? PipelineName { get; init; }

    /// <summary>The PipelineVersion the run executes, when it runs one rather than an inline spec.</summary>
    public string? PipelineVersion { get; init; }

    public string? ExperimentName { get; init; }

    /// <summary>One of <see cref="RunStates"/>; PENDING until the controller wrote a status.</summary>
    public string State { get; init; } = RunStates.Pending;

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Error { get; init; }

    public RunTaskSummary Tasks { get; init; } = new();

    public IReadOnlyList<NamedValue> Parameters { get; init; } = [];

    public IReadOnlyList<NamedValue> OutputParameters { get; init; } = [];

    public IReadOnlyList<ArtifactRef> OutputArtifacts { get; init; } = [];

    public string? PipelineRoot { get; init; }

    public IReadOnlyList<RunStateEntry> StateHistory { get; init; } = [];

    public int Retries { get; init; }

    public bool TerminateRequested { get; init; }

    public bool EnableCaching { get; init; } = true;

    public string Title => DisplayName ?? Name;

    public bool IsFinished => RunStates.IsFinal(State);

    /// <summary>Terminate applies to a run that has not finished and was not asked to stop already.</summary>
    public bool CanTerminate => !IsFinished && State != RunStates.Canceling && !TerminateRequested;

    public bool CanRetry => RunStates.IsRetryable(State);

    /// <summary>From start to finish, or to <paramref name="now"/> while running; null before it started.</summary>
    public TimeSpan? Duration(DateTimeOffset now) =>
        StartedAt is { } started ? (FinishedAt ?? (IsFinished ? started : now)) - started : null;

    public static RunInfo From(Resource run)
    {
        var spec = run.Spec;
        var status = run.Status;
        var outputs = status?["outputs"];
        return new RunInfo
        {
            Name = run.Metadata.Name ?? string.Empty,
            Namespace = run.Metadata.Namespace ?? string.Empty,
            Uid = run.Metadata.Uid,
            DisplayName = JsonRead.Text(spec, "displayName"),
            Description = JsonRead.Text(spec, "description"),
            PipelineName = JsonRead.Text(status, "pipelineName")
                ?? JsonRead.Text(PipelineSpecs.FromRunSpec(spec)?["pipelineInfo"], "name")
                ?? JsonRead.Text(spec?["pipelineVersionRef"], "pipelineName"),
            PipelineVersion = JsonRead.Text(status?["pipelineVersion"], "name") ?? JsonRead.Text(spec?["pipelineVersionRef"], "versionName"),
            ExperimentName = JsonRead.Text(spec, "experimentName"),
            State = JsonRead.Text(status, "state") ?? RunStates.Pending,
            CreatedAt = JsonRead.Time(status, "createdAt") ?? run.Metadata.CreationTimestamp,
            StartedAt = JsonRead.Time(status, "startedAt"),
            FinishedAt = JsonRead.Time(status, "finishedAt"),
            Error = JsonRead.Text(status?["error"], "message"),
            Tasks = TaskCounts(status?["tasks"]),
            Parameters = NamedValue.From(spec?["runtimeConfig"]?["parameters"] as JsonObject),
            OutputParameters = NamedValue.From(outputs?["parameters"] as JsonObject),
            OutputArtifacts = ArtifactRef.From(outputs?["artifacts"] as JsonObject),
            PipelineRoot = JsonRead.Text(status, "pipelineRoot") ?? JsonRead.Text(spec?["runtimeConfig"], "pipelineRoot"),
            StateHistory = History(status?["stateHistory"] as JsonArray),
            Retries = JsonRead.Int(status, "retries"),
            TerminateRequested = JsonRead.Bool(spec, "terminate"),
            EnableCaching = JsonRead.Bool(spec, "enableCaching", fallback: true),
        };
    }

    private static List<RunStateEntry> History(JsonArray? entries) =>
        [.. (entries ?? []).OfType<JsonObject>().Select(e => new RunStateEntry(
            JsonRead.Time(e, "updateTime"),
            JsonRead.Text(e, "state") ?? "?",
            JsonRead.Text(e, "error") ?? JsonRead.Text(e["error"], "message")))];

    private static RunTaskSummary TaskCounts(JsonNode? tasks) => new()
    {
        Total = JsonRead.Int(tasks, "total"),
        Pending = JsonRead.Int(tasks, "pending"),
        Running = JsonRead.Int(tasks, "running"),
        Succeeded = JsonRead.Int(tasks, "succeeded"),
        Cached = JsonRead.Int(tasks, "cached"),
        Skipped = JsonRead.Int(tasks, "skipped"),
        Failed = JsonRead.Int(tasks, "failed"),
        Canceled = JsonRead.Int(tasks, "canceled"),
    };
}
