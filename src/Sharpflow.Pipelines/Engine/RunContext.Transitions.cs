using Sharpflow.Core.Executions;

namespace Sharpflow.Pipelines.Engine;

internal sealed partial class RunContext
{
    /// <summary>Marks the execution started (RUNNING) with the inputs it received, and records it.</summary>
    public TaskExecution Start(ExecutionNode node, string? inputs, DateTimeOffset now, Func<TaskExecution, TaskExecution>? amend = null)
    {
        node.Started = true;
        Move(node, TaskExecutionState.Running);
        // A task resumed after a restart keeps the times it first had.
        var saved = Persisted.GetValueOrDefault(node.Path);
        var record = NewRecord(node, saved?.CreatedAt ?? now) with
        {
            State = TaskExecutionState.Running,
            Inputs = inputs,
            StartedAt = saved is { State: TaskExecutionState.Running } ? saved.StartedAt ?? now : now,
        };
        return Update(node, amend is null ? record : amend(record));
    }

    /// <summary>Ends the execution in a final state, and records it.</summary>
    public void Finish(ExecutionNode node, TaskExecutionState state, DateTimeOffset now, NodeOutputs? outputs = null, string? error = null, Func<TaskExecution, TaskExecution>? amend = null)
    {
        node.Started = true;
        Move(node, state);
        node.Outputs = outputs ?? NodeOutputs.Empty;
        node.Error = error;
        var record = (node.Record ?? NewRecord(node, now)) with
        {
            State = state,
            Error = error,
            Outputs = outputs is null || (outputs.Parameters.Count == 0 && outputs.Artifacts.Count == 0) ? null : outputs.ToJsonText(),
            FinishedAt = now,
        };
        Update(node, amend is null ? record : amend(record));
        node.Scope?.OnFinished();
    }

    /// <summary>Takes over a final record saved before a restart (or kept by a retry): the task does not run again.</summary>
    public void Adopt(ExecutionNode node, TaskExecution record)
    {
        node.Started = true;
        Move(node, record.State);
        node.Outputs = NodeOutputs.FromJson(record.Outputs);
        node.Error = record.Error;
        node.Record = record;
        node.Scope?.OnFinished();
    }

    public TaskExecution Update(ExecutionNode node, TaskExecution record)
    {
        node.Record = record;
        Save(record);
        return record;
    }

    private TaskExecution NewRecord(ExecutionNode node, DateTimeOffset now) => new()
    {
        Id = node.Id,
        RunUid = Uid,
        Namespace = Namespace,
        RunName = Name,
        PipelineName = Definition.PipelineName,
        TaskPath = node.Path,
        TaskName = node.TaskName,
        Kind = node.Kind,
        ParentId = node.Parent?.Id,
        IterationIndex = node.IterationIndex,
        State = TaskExecutionState.Pending,
        CreatedAt = now,
    };
}
