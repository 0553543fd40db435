using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>A Run resource as KFP's <c>Run</c>; with its task executions, <c>run_details.task_details</c> too.</summary>
internal static class RunJson
{
    public static KfpListFields<RunView> Fields { get; } = new("runs", r => r.Run.Metadata.Uid ?? string.Empty, new Dictionary<string, KfpField<RunView>>
    {
        ["run_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.Run.Metadata.Uid)),
        ["id"] = new(KfpValueKind.String, r => KfpValue.Of(r.Run.Metadata.Uid)),
        ["display_name"] = new(KfpValueKind.String, r => KfpValue.Of(KfpResourceFields.DisplayName(r.Run))),
        ["name"] = new(KfpValueKind.String, r => KfpValue.Of(KfpResourceFields.DisplayName(r.Run))),
        ["description"] = new(KfpValueKind.String, r => KfpValue.Of(KfpResourceFields.SpecString(r.Run, "description"))),
        ["created_at"] = new(KfpValueKind.Time, r => KfpValue.Of(r.CreatedAt)),
        ["scheduled_at"] = new(KfpValueKind.Time, r => KfpValue.Of(r.ScheduledAt)),
        ["finished_at"] = new(KfpValueKind.Time, r => KfpValue.Of(r.FinishedAt)),
        ["storage_state"] = new(KfpValueKind.String, r => KfpValue.Of(r.StorageState), KfpListFields<RunView>.EnumValue),
        ["state"] = new(KfpValueKind.String, r => KfpValue.Of(r.State), KfpListFields<RunView>.EnumValue),
        ["namespace"] = new(KfpValueKind.String, r => KfpValue.Of(r.Run.Metadata.Namespace)),
        ["experiment_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.ExperimentId)),
        ["recurring_run_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.RecurringRunId)),
        ["pipeline_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.PipelineId)),
        ["pipeline_version_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.PipelineVersionId)),
    });

    public static JsonObject From(RunView view, IReadOnlyList<TaskExecution>? tasks = null)
    {
        var run = view.Run;
        var spec = run.Spec;
        var json = new JsonObject();
        KfpJson.Put(json, "experiment_id", view.ExperimentId);
        KfpJson.Put(json, "run_id", run.Metadata.Uid);
        KfpJson.Put(json, "display_name", KfpResourceFields.DisplayName(run));
        KfpJson.Put(json, "storage_state", view.StorageState);
        KfpJson.Put(json, "description", KfpResourceFields.SpecString(run, "description"));
        PutPipelineSource(json, spec, view.FromVersion, view.PipelineId, view.PipelineVersionId);
        KfpJson.Put(json, "runtime_config", RuntimeConfigOf(spec));
        KfpJson.Put(json, "service_account", KfpResourceFields.SpecString(run, "serviceAccount"));
        KfpJson.Put(json, "created_at", view.CreatedAt);
        KfpJson.Put(json, "scheduled_at", view.ScheduledAt);
        KfpJson.Put(json, "finished_at", view.FinishedAt);
        json["state"] = view.State;
        if (KfpJson.String(KfpJson.Object(run.Status, "error"), "message") is { Length: > 0 } error)
        {
            json["error"] = new JsonObject { ["code"] = KfpStates.ErrorCode(view.State), ["message"] = error };
        }

        if (tasks is not null)
        {
            KfpJson.Put(json, "run_details", new JsonObject { ["task_details"] = TaskDetailJson.From(run.Metadata.Uid!, tasks) });
        }

        KfpJson.Put(json, "recurring_run_id", view.RecurringRunId);
        KfpJson.Put(json, "state_history", StateHistory(run.Status, view.State));
        return json;
    }

    /// <summary><c>pipeline_version_reference</c> for a run of a stored version, else the inline <c>pipeline_spec</c>.</summary>
    public static void PutPipelineSource(JsonObject json, JsonObject? spec, bool fromVersion, string? pipelineId, string? versionId)
    {
        if (fromVersion)
        {
            var reference = new JsonObject();
            KfpJson.Put(reference, "pipeline_id", pipelineId);
            KfpJson.Put(reference, "pipeline_version_id", versionId);
            json["pipeline_version_reference"] = reference;
        }
        else
        {
            KfpJson.Put(json, "pipeline_spec", PipelineVersionJson.PipelineSpecOf(spec));
        }
    }

    public static JsonObject? RuntimeConfigOf(JsonObject? spec)
    {
        if (KfpJson.Object(spec, "runtimeConfig") is not { } config)
        {
            return null;
        }

        var json = new JsonObject();
        KfpJson.Put(json, "parameters", KfpJson.Object(config, "parameters")?.DeepClone());
        KfpJson.Put(json, "pipeline_root", KfpJson.String(config, "pipelineRoot"));
        return json;
    }

    private static JsonArray? StateHistory(JsonObject? status, string state)
    {
        if (status?["stateHistory"] is not JsonArray history)
        {
            return null;
        }

        var entries = new JsonArray();
        foreach (var entry in history.OfType<JsonObject>())
        {
            var json = new JsonObject();
            KfpJson.Put(json, "update_time", KfpJson.String(entry, "updateTime") is { } time && DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? KfpJson.Timestamp(parsed)
                : null);
            var entryState = KfpJson.String(entry, "state");
            KfpJson.Put(json, "state", entryState);
            if (KfpJson.String(KfpJson.Object(entry, "error"), "message") is { Length: > 0 } message)
            {
                json["error"] = new JsonObject { ["code"] = KfpStates.ErrorCode(entryState ?? state), ["message"] = message };
            }

            entries.Add(json);
        }

        return entries;
    }
}
