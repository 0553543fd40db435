using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// One instance of a DAG component (the root, a sub-DAG task, a loop iteration): the values its tasks
/// read as <c>componentInput*</c>, and its tasks in dependency order.
/// </summary>
internal sealed class DagScope
{
    private readonly Dictionary<string, ExecutionNode> _byName = new(StringComparer.Ordinal);
    private readonly List<ExecutionNode> _tasks = [];

    public DagScope(
        ExecutionNode owner,
        ComponentSpec component,
        IReadOnlyDictionary<string, JsonNode?> parameters,
        IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> artifacts)
    {
        Owner = owner;
        Component = component;
        Parameters = parameters;
        Artifacts = artifacts;
    }

    /// <summary>The execution this DAG instance belongs to.</summary>
    public ExecutionNode Owner { get; }

    public ComponentSpec Component { get; }

    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> Artifacts { get; }

    /// <summary>Tasks with every task after the tasks it waits for.</summary>
    public IReadOnlyList<ExecutionNode> Tasks => _tasks;

    public int Unfinished { get; private set; }

    public bool IsDone => Unfinished == 0;

    public ExecutionNode? Find(string name) => _byName.GetValueOrDefault(name);

    public void Add(ExecutionNode node)
    {
        _tasks.Add(node);
        _byName[node.DagKey] = node;
        Unfinished++;
    }

    public void OnFinished() => Unfinished--;
}
