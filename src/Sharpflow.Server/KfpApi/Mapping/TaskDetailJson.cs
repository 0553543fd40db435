using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>
/// A task execution as KFP's <c>PipelineTaskDetail</c>. <c>pod_name</c> and <c>executor_detail.main_job</c> are the
/// latest attempt's workload; <c>inputs</c> and <c>outputs</c> name the task's artifacts (Sharpflow keeps no ML
/// Metadata ids, so their <c>artifact_ids</c> lists are empty); the state history is built from the recorded times.
/// </summary>
internal static class TaskDetailJson
{
    public static JsonArray From(string runId, IReadOnlyList<TaskExecution> executions)
    {
        var children = executions.Where(e => e.ParentId is not null)
            .ToLookup(e => e.ParentId!, e => KfpTaskIds.Of(e.Id), StringComparer.Ordinal);
        return [.. executions.Select(e => (JsonNode)From(runId, e, children[e.Id]))];
    }

    private static JsonObject From(string runId, TaskExecution execution, IEnumerable<string> childIds)
    {
        var state = KfpStates.Of(execution.State);
        var json = new JsonObject();
        KfpJson.Put(json, "run_id", runId);
        KfpJson.Put(json, "task_id", KfpTaskIds.Of(execution.Id));
        KfpJson.Put(json, "display_name", execution.TaskName);
        KfpJson.Put(json, "create_time", execution.CreatedAt);
        KfpJson.Put(json, "start_time", execution.StartedAt);
        KfpJson.Put(json, "end_time", execution.FinishedAt);
        if (execution.WorkloadId is { } workload)
        {
            json["executor_detail"] = new JsonObject { ["main_job"] = workload };
        }

        json["state"] = state;
        if (execution.State is TaskExecutionState.Failed or TaskExecutionState.Canceled && !string.IsNullOrEmpty(execution.Error))
        {
            json["error"] = new JsonObject { ["code"] = KfpStates.ErrorCode(state), ["message"] = execution.Error };
        }

        KfpJson.Put(json, "inputs", ArtifactNames(execution.Inputs));
        KfpJson.Put(json, "outputs", ArtifactNames(execution.Outputs));
        KfpJson.Put(json, "parent_task_id", execution.ParentId is { } parent ? KfpTaskIds.Of(parent) : null);
        KfpJson.Put(json, "state_history", History(execution, state));
        KfpJson.Put(json, "pod_name", execution.WorkloadId);
        KfpJson.Put(json, "child_tasks", new JsonArray([.. childIds.Select(id => (JsonNode)new JsonObject { ["task_id"] = id })]));
        return json;
    }

    /// <summary>The artifact names of a recorded inputs/outputs document, each with an empty <c>ArtifactList</c>.</summary>
    private static JsonObject? ArtifactNames(string? recorded) =>
        RecordedArtifacts.UrisByName(recorded) is { Count: > 0 } artifacts
            ? new JsonObject(artifacts.Keys.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject())))
            : null;

    private static JsonArray History(TaskExecution execution, string state)
    {
        var history = new JsonArray { Entry(execution.CreatedAt, Mapping.KfpStates.Of(TaskExecutionState.Pending)) };
        if (execution.StartedAt is { } started)
        {
            history.Add(Entry(started, Mapping.KfpStates.Of(TaskExecutionState.Running)));
        }

        if (execution.FinishedAt is { } finished && execution.State.IsFinal())
        {
            history.Add(Entry(finished, state));
        }

        return history;
    }

    private static JsonObject Entry(DateTimeOffset time, string state) =>
        new() { ["update_time"] = KfpJson.Timestamp(time), ["state"] = state };
}
