using System.Text.Json.Nodes;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>
/// Reads one DAG of a compiled KFP pipeline (the IR): its tasks, what kind each is, and the edges of
/// <c>dependentTasks</c> plus the data dependencies of their inputs (<c>taskOutputParameter</c>,
/// <c>taskOutputArtifact</c> and <c>taskFinalStatus</c> producers).
/// </summary>
internal static class PipelineDagReader
{
    private const string AllUpstreamCompleted = "ALL_UPSTREAM_TASKS_COMPLETED";

    /// <summary>The DAG of <paramref name="componentName"/> (<c>components[name]</c>), or of <c>root</c> when null; null when it has none.</summary>
    public static DagGraph? Read(JsonObject pipelineSpec, string? componentName)
    {
        var component = componentName is null ? pipelineSpec["root"] : pipelineSpec["components"]?[componentName];
        if (component?["dag"]?["tasks"] is not JsonObject tasks)
        {
            return null;
        }

        var nodes = new List<DagNode>();
        var edges = new List<DagEdge>();
        foreach (var (key, value) in tasks)
        {
            if (value is not JsonObject task)
            {
                continue;
            }

            nodes.Add(NodeOf(pipelineSpec, key, task));
            foreach (var upstream in Upstream(task).Where(u => u != key && tasks.ContainsKey(u)).Distinct(StringComparer.Ordinal))
            {
                edges.Add(new DagEdge(upstream, key));
            }
        }

        return new DagGraph(nodes, edges);
    }

    private static DagNode NodeOf(JsonObject pipelineSpec, string key, JsonObject task)
    {
        var componentName = JsonRead.Text(task["componentRef"], "name");
        var condition = JsonRead.Text(task["triggerPolicy"], "condition");
        return new DagNode
        {
            Key = key,
            Label = JsonRead.Text(task["taskInfo"], "name") ?? key,
            Kind = KindOf(pipelineSpec, key, task, componentName, condition),
            ComponentName = componentName,
            Condition = condition,
            RunsAfterUpstreamCompleted = JsonRead.Text(task["triggerPolicy"], "strategy") == AllUpstreamCompleted,
        };
    }

    private static DagNodeKind KindOf(JsonObject pipelineSpec, string key, JsonObject task, string? componentName, string? condition)
    {
        if (task["parameterIterator"] is not null || task["artifactIterator"] is not null)
        {
            return DagNodeKind.Loop;
        }

        var component = componentName is null ? null : pipelineSpec["components"]?[componentName];
        if (component?["dag"] is not null)
        {
            if (key.StartsWith("exit-handler", StringComparison.Ordinal))
            {
                return DagNodeKind.ExitHandler;
            }

            return condition is not null || key.StartsWith("condition-", StringComparison.Ordinal) ? DagNodeKind.Condition : DagNodeKind.Dag;
        }

        var executor = JsonRead.Text(component, "executorLabel") is { } label ? pipelineSpec["deploymentSpec"]?["executors"]?[label] : null;
        return executor switch
        {
            JsonObject e when e["importer"] is not null => DagNodeKind.Importer,
            JsonObject e when e["resolver"] is not null => DagNodeKind.Resolver,
            _ => DagNodeKind.Container,
        };
    }

    private static IEnumerable<string> Upstream(JsonObject task)
    {
        foreach (var dependency in (task["dependentTasks"] as JsonArray ?? []).OfType<JsonValue>())
        {
            if (dependency.TryGetValue<string>(out var name))
            {
                yield return name;
            }
        }

        foreach (var (_, input) in task["inputs"]?["parameters"] as JsonObject ?? [])
        {
            if ((JsonRead.Text(input?["taskOutputParameter"], "producerTask") ?? JsonRead.Text(input?["taskFinalStatus"], "producerTask")) is { } producer)
            {
                yield return producer;
            }
        }

        foreach (var (_, input) in task["inputs"]?["artifacts"] as JsonObject ?? [])
        {
            if (JsonRead.Text(input?["taskOutputArtifact"], "producerTask") is { } producer)
            {
                yield return producer;
            }
        }
    }
}
