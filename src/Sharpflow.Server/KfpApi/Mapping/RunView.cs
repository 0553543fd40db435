using System.Globalization;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>A Run with the ids of what it refers to by name (its experiment, recurring run, pipeline and version).</summary>
internal sealed record RunView(Resource Run, string? ExperimentId, string? RecurringRunId, string? PipelineId, string? PipelineVersionId, bool FromVersion)
{
    private const string ScheduledTimeAnnotation = "pipelines.kubeflow.org/scheduled-time";

    public static RunView Of(Resource run, KfpIndex index)
    {
        var reference = index.Reference(run.Spec, run.Status);
        return new RunView(
            run,
            index.ExperimentId(KfpResourceFields.SpecString(run, "experimentName")),
            index.RecurringRunId(KfpResourceFields.SpecString(run, "recurringRunName")),
            reference?.PipelineId,
            reference?.VersionId,
            reference is not null);
    }

    /// <summary>The run's state; a run the engine has not looked at yet is PENDING.</summary>
    public string State => KfpResourceFields.StatusString(Run, "state") is { Length: > 0 } state ? state : RunStates.Pending;

    public string StorageState => KfpResourceFields.SpecString(Run, "storageState") is { Length: > 0 } state ? state : KfpStorageStates.Available;

    public DateTimeOffset? CreatedAt => Run.Metadata.CreationTimestamp;

    /// <summary>The time slot of a run a recurring run created; for other runs, when it was created (as KFP reports it).</summary>
    public DateTimeOffset? ScheduledAt =>
        Run.Metadata.Annotations?.GetValueOrDefault(ScheduledTimeAnnotation) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var slot)
            ? slot
            : CreatedAt;

    public DateTimeOffset? FinishedAt => KfpResourceFields.StatusTime(Run, "finishedAt");
}
