using Sharpflow.Core.Executions;

namespace Sharpflow.Dashboard.Runs.Graph;

/// <summary>A run's task executions by task path ("root/for-loop-1/2/train"), as the tasks endpoint lists them.</summary>
internal sealed class TaskTree
{
    private readonly Dictionary<string, TaskExecution> _byPath;

    public TaskTree(IEnumerable<TaskExecution> executions)
    {
        _byPath = new Dictionary<string, TaskExecution>(StringComparer.Ordinal);
        foreach (var execution in executions)
        {
            _byPath[execution.TaskPath] = execution;
        }
    }

    public static TaskTree Empty { get; } = new([]);

    public int Count => _byPath.Count;

    public TaskExecution? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The iterations of the loop at <paramref name="loopPath"/>, by index.</summary>
    public IReadOnlyList<TaskExecution> Iterations(string loopPath)
    {
        var prefix = loopPath + "/";
        return [.. _byPath.Values
            .Where(e => e.Kind == TaskExecutionKind.Iteration && e.TaskPath.StartsWith(prefix, StringComparison.Ordinal) && e.TaskPath.IndexOf('/', prefix.Length) < 0)
            .OrderBy(e => e.IterationIndex ?? int.MaxValue)];
    }
}
