using Sharpflow.Api.Resources;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>A RecurringRun with the ids of its experiment, pipeline and version.</summary>
internal sealed record RecurringRunView(Resource RecurringRun, string? ExperimentId, string? PipelineId, string? PipelineVersionId, bool FromVersion)
{
    public const string Enable = "ENABLE";
    public const string Disable = "DISABLE";

    public static RecurringRunView Of(Resource recurringRun, KfpIndex index)
    {
        var reference = index.Reference(recurringRun.Spec, null);
        return new RecurringRunView(
            recurringRun,
            index.ExperimentId(KfpResourceFields.SpecString(recurringRun, "experimentName")),
            reference?.PipelineId,
            reference?.VersionId,
            reference is not null);
    }

    public string Mode => KfpResourceFields.SpecString(RecurringRun, "mode") is { Length: > 0 } mode ? mode : Enable;

    /// <summary>ENABLED or DISABLED: what the scheduler reported, else what the mode asks for.</summary>
    public string Status => KfpResourceFields.StatusString(RecurringRun, "status") is { Length: > 0 } status && ObservedCurrent
        ? status
        : Mode == Disable ? "DISABLED" : "ENABLED";

    private bool ObservedCurrent =>
        KfpJson.Int64(RecurringRun.Status?["observedGeneration"]) is { } observed && observed >= RecurringRun.Metadata.Generation;

    public long MaxConcurrency => KfpJson.Int64(RecurringRun.Spec?["maxConcurrency"]) is > 0 and var max ? max : 1;

    public bool NoCatchup => RecurringRun.Spec?["noCatchup"] is System.Text.Json.Nodes.JsonValue value
        && value.TryGetValue<bool>(out var noCatchup) && noCatchup;

    public System.Text.Json.Nodes.JsonObject? Trigger => KfpJson.Object(RecurringRun.Spec, "trigger");
}
