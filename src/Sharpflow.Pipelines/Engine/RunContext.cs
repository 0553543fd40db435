using System.Security.Cryptography;
using System.Text;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// A run's in-memory state between reconciles: its definition, its execution tree, and the execution
/// records to save. Rebuilt from the execution store after a restart: nodes whose record is final take
/// it over instead of running again (see <see cref="Persisted"/>).
/// </summary>
internal sealed partial class RunContext
{
    private readonly Dictionary<string, TaskExecution> _dirty = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[Enum.GetValues<TaskExecutionState>().Length];

    public RunContext(string uid, string ns, string name, RunDefinition definition, IReadOnlyDictionary<string, TaskExecution> persisted)
    {
        Uid = uid;
        Namespace = ns;
        Name = name;
        Definition = definition;
        Persisted = persisted;
    }

    public string Uid { get; }

    public string Namespace { get; }

    public string Name { get; }

    public RunDefinition Definition { get; }

    /// <summary>Records saved before this context was built, by task path.</summary>
    public IReadOnlyDictionary<string, TaskExecution> Persisted { get; }

    /// <summary>The run's retry round (status.retries); part of every workload id, so retried tasks get fresh workloads.</summary>
    public int Round { get; init; }

    /// <summary>The job-level placeholder values shared by every task.</summary>
    public required TaskContext Job { get; init; }

    public ExecutionNode? Root { get; set; }

    public bool Terminating { get; set; }

    public DateTimeOffset? LastStatusWrite { get; set; }

    /// <summary>Counts record changes: a reconcile that changed nothing need not recompute the run's status.</summary>
    public long Changes { get; private set; }

    /// <summary>What the stored status was last found up to date with (changes, terminating, the run's resourceVersion); null when it must be recomputed.</summary>
    public (long Changes, bool Terminating, string? ResourceVersion)? StatusSource { get; set; }

    public int Count(TaskExecutionState state) => _counts[(int)state];

    public int TotalLeaves => _counts.Sum();

    /// <summary>The records changed since the last call, to save in one batch.</summary>
    public IReadOnlyList<TaskExecution> TakeDirty()
    {
        if (_dirty.Count == 0)
        {
            return [];
        }

        var dirty = _dirty.Values.ToList();
        _dirty.Clear();
        return dirty;
    }

    /// <summary>Puts records back after a failed save, unless a newer version of them is waiting already.</summary>
    public void Restore(IReadOnlyList<TaskExecution> records)
    {
        foreach (var record in records)
        {
            _dirty.TryAdd(record.Id, record);
        }
    }

    /// <summary>The id of a task execution: stable across restarts and retries of the run.</summary>
    public string ExecutionId(string path) => $"{Uid}/{path}";

    /// <summary>A short token that tells executions of the run apart in artifact URIs and scratch folders.</summary>
    public string Salt(ExecutionNode node) => Hash(node.Path, 12);

    public TaskContext TaskContextFor(ExecutionNode node) => Job with
    {
        PipelineTaskName = node.TaskName,
        PipelineTaskUuid = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(node.Id)).AsSpan(0, 16)).ToString(),
    };

    public static string Hash(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];

    public void Save(TaskExecution record)
    {
        _dirty[record.Id] = record;
        Changes++;
    }

    /// <summary>Counts a task of a newly created DAG instance as pending.</summary>
    public void Track(ExecutionNode node)
    {
        if (node.IsLeaf)
        {
            _counts[(int)TaskExecutionState.Pending]++;
        }
    }

    private void Move(ExecutionNode node, TaskExecutionState to)
    {
        if (node.IsLeaf)
        {
            _counts[(int)node.State]--;
            _counts[(int)to]++;
        }

        node.State = to;
    }
}
