using System.Text.Json.Nodes;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// Reads a RecurringRun's <c>trigger</c> — <c>cron_schedule{start_time, end_time, cron}</c> or
/// <c>periodic_schedule{start_time, end_time, interval_second}</c> — into the resource's <c>spec.trigger</c>.
/// Whether the schedule is usable is the RecurringRun validator's call.
/// </summary>
internal static class TriggerReader
{
    public static JsonObject? Read(JsonObject? trigger)
    {
        if (trigger is null)
        {
            return null;
        }

        var result = new JsonObject();
        if (KfpBody.Object(trigger, "cron_schedule", "trigger") is { } cron)
        {
            var schedule = Window(cron, "trigger.cron_schedule");
            if (KfpBody.String(cron, "cron", "trigger.cron_schedule") is { } expression)
            {
                schedule["cron"] = expression;
            }

            result["cronSchedule"] = schedule;
        }

        if (KfpBody.Object(trigger, "periodic_schedule", "trigger") is { } periodic)
        {
            var schedule = Window(periodic, "trigger.periodic_schedule");
            if (KfpBody.Int64(periodic, "interval_second", "trigger.periodic_schedule") is { } interval)
            {
                schedule["intervalSecond"] = interval;
            }

            result["periodicSchedule"] = schedule;
        }

        return result.Count > 0
            ? result
            : throw KfpErrors.InvalidArgument("trigger", "set cron_schedule{cron, start_time, end_time} or periodic_schedule{interval_second, start_time, end_time}");
    }

    private static JsonObject Window(JsonObject schedule, string path)
    {
        var result = new JsonObject();
        if (KfpBody.Timestamp(schedule, "start_time", path) is { } start)
        {
            result["startTime"] = KfpJson.Timestamp(start);
        }

        if (KfpBody.Timestamp(schedule, "end_time", path) is { } end)
        {
            result["endTime"] = KfpJson.Timestamp(end);
        }

        return result;
    }
}
