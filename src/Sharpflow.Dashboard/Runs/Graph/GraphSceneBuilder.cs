using System.Globalization;
using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Dashboard.Runs.Model;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>
/// Builds what is drawn for one level of a run's pipeline: the DAG from the IR, laid out once per DAG (the
/// layout is kept, since states change far more often than shapes), with each node's state taken from the
/// run's task executions.
/// </summary>
internal sealed class GraphSceneBuilder(JsonObject pipelineSpec, LayoutOptions options)
{
    private readonly Dictionary<string, (DagGraph Dag, GraphLayout Layout)> _dags = new(StringComparer.Ordinal);
    private readonly Dictionary<int, GraphLayout> _grids = [];

    public GraphScene Build(GraphLevel level, TaskTree tree, DateTimeOffset now) =>
        level.Kind == GraphLevelKind.Iterations ? BuildIterations(level, tree, now) : BuildDag(level, tree, now);

    /// <summary>The DAG drawn at a level (for a loop: its body), or null when the spec has none.</summary>
    public DagGraph? DagOf(GraphLevel level) => Laid(level.ComponentName)?.Dag;

    private GraphScene BuildDag(GraphLevel level, TaskTree tree, DateTimeOffset now)
    {
        if (Laid(level.ComponentName) is not { } laid)
        {
            return new GraphScene { Level = level, Width = 0, Height = 0, Message = $"The pipeline spec has no DAG for {level.ComponentName ?? "root"}." };
        }

        var (dag, layout) = laid;

        var nodes = dag.Nodes.Select(node =>
        {
            var path = $"{level.ExecutionPath}/{node.Key}";
            var execution = tree.Find(path);
            return new SceneNode
            {
                Node = node,
                Box = layout.Node(node.Key)!,
                State = NodeStates.Of(execution),
                ExecutionPath = path,
                Execution = execution,
                Detail = Detail(node, execution, tree, path, now),
            };
        }).ToList();
        var states = nodes.ToDictionary(n => n.Node.Key, n => n.State, StringComparer.Ordinal);
        var edges = layout.Edges.Select(e => new SceneEdge(e, states[e.From] is NodeState.Succeeded or NodeState.Cached)).ToList();
        return new GraphScene { Level = level, Width = layout.Width, Height = layout.Height, Nodes = nodes, Edges = edges };
    }

    private GraphScene BuildIterations(GraphLevel level, TaskTree tree, DateTimeOffset now)
    {
        var iterations = tree.Iterations(level.ExecutionPath);
        if (iterations.Count == 0)
        {
            var loop = tree.Find(level.ExecutionPath);
            var message = NodeStates.Of(loop) switch
            {
                NodeState.Skipped or NodeState.Canceled => $"The loop did not run ({(loop?.Error is { } why ? why : NodeStates.Label(NodeStates.Of(loop)).ToLowerInvariant())}).",
                NodeState.Succeeded => "The loop had no items to iterate over.",
                _ => "The loop's iterations appear here once it starts.",
            };
            return new GraphScene { Level = level, Width = 0, Height = 0, Message = message };
        }

        if (!_grids.TryGetValue(iterations.Count, out var layout))
        {
            layout = GridLayout.Compute([.. iterations.Select(KeyOf)], options);
            _grids[iterations.Count] = layout;
        }

        var nodes = iterations.Select(iteration =>
        {
            var node = new DagNode
            {
                Key = KeyOf(iteration),
                Label = $"Iteration {iteration.IterationIndex}",
                Kind = DagNodeKind.Iteration,
                ComponentName = level.ComponentName,
            };
            return new SceneNode
            {
                Node = node,
                Box = layout.Node(node.Key)!,
                State = NodeStates.Of(iteration),
                ExecutionPath = iteration.TaskPath,
                Execution = iteration,
                Detail = Detail(node, iteration, tree, iteration.TaskPath, now),
            };
        }).ToList();
        return new GraphScene { Level = level, Width = layout.Width, Height = layout.Height, Nodes = nodes };
    }

    private (DagGraph Dag, GraphLayout Layout)? Laid(string? componentName)
    {
        var key = componentName ?? string.Empty;
        if (_dags.TryGetValue(key, out var laid))
        {
            return laid;
        }

        if (PipelineDagReader.Read(pipelineSpec, componentName) is not { } dag)
        {
            return null;
        }

        laid = (dag, LayeredLayout.Compute(dag, options));
        _dags[key] = laid;
        return laid;
    }

    private static string KeyOf(TaskExecution iteration) =>
        iteration.IterationIndex?.ToString(CultureInfo.InvariantCulture) ?? iteration.TaskPath[(iteration.TaskPath.LastIndexOf('/') + 1)..];

    private static string Detail(DagNode node, TaskExecution? execution, TaskTree tree, string path, DateTimeOffset now)
    {
        var kind = NodeKinds.Label(node.Kind);
        var state = NodeStates.Of(execution);
        if (node.Kind == DagNodeKind.Loop && tree.Iterations(path) is { Count: > 0 } iterations)
        {
            var done = iterations.Count(i => NodeStates.IsFinal(NodeStates.Of(i)));
            return done == iterations.Count
                ? $"{kind} · {iterations.Count} iteration{(iterations.Count == 1 ? string.Empty : "s")}"
                : $"{kind} · {done} of {iterations.Count} done";
        }

        if (node.Kind == DagNodeKind.Iteration && LoopItem(execution) is { } item)
        {
            kind = item;
        }

        return state switch
        {
            NodeState.NotStarted => kind,
            NodeState.Pending => $"{kind} · pending",
            NodeState.Running when execution?.Attempts > 1 => $"attempt {execution.Attempts} · {Elapsed(execution, now)}",
            NodeState.Running => $"{kind} · {Elapsed(execution!, now)}",
            NodeState.Cached => $"{kind} · cached",
            NodeState.Skipped => $"{kind} · skipped",
            NodeState.Canceled => $"{kind} · canceled",
            _ => $"{kind} · {Elapsed(execution!, now)}",
        };
    }

    /// <summary>
    /// The item an iteration runs with: its input named by the loop's <c>itemInput</c>, which the KFP compiler always
    /// names "…-loop-item" (<c>pipelinechannel--loop-item-param-1</c>, <c>pipelinechannel--ids-loop-item</c>).
    /// </summary>
    private static string? LoopItem(TaskExecution? iteration)
    {
        var parameters = JsonRead.Parse(iteration?.Inputs)?["parameters"] as JsonObject;
        var item = parameters?.FirstOrDefault(p => p.Key.EndsWith("-loop-item", StringComparison.Ordinal));
        return item is { Key: not null } found ? "item " + NodeStyle.Fit(JsonRead.Display(found.Value), 18) : null;
    }

    private static string Elapsed(TaskExecution execution, DateTimeOffset now) =>
        execution.StartedAt is { } started ? Durations.Format((execution.FinishedAt ?? now) - started) : "starting";
}
