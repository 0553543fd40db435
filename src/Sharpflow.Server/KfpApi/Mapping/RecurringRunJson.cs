using System.Globalization;
using System.Text.Json.Nodes;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>A RecurringRun resource as KFP's <c>RecurringRun</c> (note the list's <c>recurringRuns</c> key, as KFP spells it).</summary>
internal static class RecurringRunJson
{
    public const string ListName = "recurringRuns";

    public static KfpListFields<RecurringRunView> Fields { get; } = new("recurring_runs", r => r.RecurringRun.Metadata.Uid ?? string.Empty, new Dictionary<string, KfpField<RecurringRunView>>
    {
        ["recurring_run_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.RecurringRun.Metadata.Uid)),
        ["id"] = new(KfpValueKind.String, r => KfpValue.Of(r.RecurringRun.Metadata.Uid)),
        ["display_name"] = new(KfpValueKind.String, r => KfpValue.Of(KfpResourceFields.DisplayName(r.RecurringRun))),
        ["name"] = new(KfpValueKind.String, r => KfpValue.Of(KfpResourceFields.DisplayName(r.RecurringRun))),
        ["description"] = new(KfpValueKind.String, r => KfpValue.Of(KfpResourceFields.SpecString(r.RecurringRun, "description"))),
        ["created_at"] = new(KfpValueKind.Time, r => KfpValue.Of(r.RecurringRun.Metadata.CreationTimestamp)),
        ["namespace"] = new(KfpValueKind.String, r => KfpValue.Of(r.RecurringRun.Metadata.Namespace)),
        ["experiment_id"] = new(KfpValueKind.String, r => KfpValue.Of(r.ExperimentId)),
        ["status"] = new(KfpValueKind.String, r => KfpValue.Of(r.Status), KfpListFields<RecurringRunView>.EnumValue),
        ["mode"] = new(KfpValueKind.String, r => KfpValue.Of(r.Mode), KfpListFields<RecurringRunView>.EnumValue),
    });

    public static JsonObject From(RecurringRunView view)
    {
        var recurring = view.RecurringRun;
        var json = new JsonObject();
        KfpJson.Put(json, "recurring_run_id", recurring.Metadata.Uid);
        KfpJson.Put(json, "display_name", KfpResourceFields.DisplayName(recurring));
        KfpJson.Put(json, "description", KfpResourceFields.SpecString(recurring, "description"));
        RunJson.PutPipelineSource(json, recurring.Spec, view.FromVersion, view.PipelineId, view.PipelineVersionId);
        KfpJson.Put(json, "runtime_config", RunJson.RuntimeConfigOf(recurring.Spec));
        KfpJson.Put(json, "service_account", KfpResourceFields.SpecString(recurring, "serviceAccount"));
        KfpJson.PutInt64(json, "max_concurrency", view.MaxConcurrency);
        KfpJson.Put(json, "trigger", TriggerOf(view.Trigger));
        json["mode"] = view.Mode;
        KfpJson.Put(json, "created_at", recurring.Metadata.CreationTimestamp);
        json["status"] = view.Status;
        KfpJson.Put(json, "no_catchup", view.NoCatchup);
        KfpJson.Put(json, "namespace", recurring.Metadata.Namespace);
        KfpJson.Put(json, "experiment_id", view.ExperimentId);
        return json;
    }

    private static JsonObject? TriggerOf(JsonObject? trigger)
    {
        if (trigger is null)
        {
            return null;
        }

        var json = new JsonObject();
        if (KfpJson.Object(trigger, "cronSchedule") is { } cron)
        {
            var schedule = Window(cron);
            KfpJson.Put(schedule, "cron", KfpJson.String(cron, "cron"));
            json["cron_schedule"] = schedule;
        }

        if (KfpJson.Object(trigger, "periodicSchedule") is { } periodic)
        {
            var schedule = Window(periodic);
            KfpJson.PutInt64(schedule, "interval_second", KfpJson.Int64(periodic["intervalSecond"]) ?? 0);
            json["periodic_schedule"] = schedule;
        }

        return json;
    }

    private static JsonObject Window(JsonObject schedule)
    {
        var json = new JsonObject();
        foreach (var (stored, proto) in (ReadOnlySpan<(string, string)>)[("startTime", "start_time"), ("endTime", "end_time")])
        {
            if (KfpJson.String(schedule, stored) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var time))
            {
                json[proto] = KfpJson.Timestamp(time);
            }
        }

        return json;
    }
}
