using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>A run as observed once final: the resource, its status, and its task executions.</summary>
public sealed record FinishedRun(Resource Resource, RunStatus Status, IReadOnlyList<TaskExecution> Executions)
{
    public string State => Status.State!;

    public TaskExecution Task(string path) =>
        Executions.FirstOrDefault(e => e.TaskPath == path)
        ?? throw new InvalidOperationException($"no execution {path}; the run has {string.Join(", ", Executions.Select(e => $"{e.TaskPath}={e.State}"))}");

    public TaskExecutionState StateOf(string path) => Task(path).State;

    /// <summary>An output parameter of a task, from its recorded outputs.</summary>
    public JsonNode? Output(string path, string name) =>
        (JsonNode.Parse(Task(path).Outputs ?? "{}")?["parameters"] as JsonObject)?[name];

    /// <summary>An input parameter a task received, from its recorded inputs.</summary>
    public JsonNode? Input(string path, string name) =>
        (JsonNode.Parse(Task(path).Inputs ?? "{}")?["parameters"] as JsonObject)?[name];

    /// <summary>The URIs of an output artifact of a task.</summary>
    public IReadOnlyList<string> ArtifactUris(string path, string name) =>
        ((JsonNode.Parse(Task(path).Outputs ?? "{}")?["artifacts"] as JsonObject)?[name] as JsonArray)?
            .Select(a => a!["uri"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>A readable summary for assertion messages.</summary>
    public string Describe() =>
        $"{State} ({Status.Error?.Message}): " + string.Join("; ", Executions.Select(e =>
            $"{e.TaskPath}={e.State} attempts {e.Attempts} {e.WorkloadId} {e.StartedAt:HH:mm:ss.fff}-{e.FinishedAt:HH:mm:ss.fff}{(e.Error is null ? string.Empty : $" [{e.Error}]")}"))
        + " · history " + string.Join(", ", Status.StateHistory.Select(h => $"{h.State}@{h.UpdateTime:HH:mm:ss.fff}"));
}
