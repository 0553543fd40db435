namespace Sharpflow.Core.Executions;

/// <summary>
/// Durable home of pipeline task executions, indexed for the run tree (by run) and for caching
/// (by namespace, pipeline and fingerprint). Writes are upserts by <see cref="TaskExecution.Id"/>.
/// </summary>
public interface IExecutionStore
{
    /// <summary>Inserts or replaces every execution, in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<TaskExecution> executions, CancellationToken cancellationToken = default);

    /// <summary>Null when there is no execution with that id.</summary>
    Task<TaskExecution?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every execution of a run, ordered by <see cref="TaskExecution.TaskPath"/> (ordinal), parents before children.</summary>
    Task<IReadOnlyList<TaskExecution>> ListByRunAsync(string runUid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The most recently finished <see cref="TaskExecutionState.Succeeded"/> execution with this fingerprint in the
    /// namespace and pipeline, or null: the cache hit whose outputs a new execution may reuse.
    /// </summary>
    Task<TaskExecution?> FindCachedAsync(string ns, string pipelineName, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Removes the executions with these ids (missing ids are ignored).</summary>
    Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Removes every execution of a run; returns how many there were.</summary>
    Task<int> DeleteByRunAsync(string runUid, CancellationToken cancellationToken = default);
}
