using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Execution;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Engine;

/// <summary>
/// Moves a run's execution tree forward as far as it can go now: starts every task whose upstream is done
/// (or skips it), steps into sub-DAGs and loop iterations, polls running containers, and finishes DAGs whose
/// tasks are all final. A pass only visits unfinished executions; container processes are launched and
/// checked through <see cref="ContainerTaskRunner"/>. Idempotent: a pass with nothing new changes nothing.
/// </summary>
internal sealed partial class DagEngine(ContainerTaskRunner containers, ImporterTask importer, TimeProvider time)
{
    public async Task AdvanceAsync(RunContext run, EnginePass pass, CancellationToken cancellationToken)
    {
        var root = run.Root ?? StartRoot(run);
        if (!root.State.IsFinal())
        {
            await AdvanceBodyAsync(run, root, pass, cancellationToken);
        }
    }

    private ExecutionNode StartRoot(RunContext run)
    {
        var spec = run.Definition.Spec;
        var root = new ExecutionNode(run.ExecutionId("root"), "root", "root", run.Definition.PipelineName, TaskExecutionKind.Root, spec.Root!);
        run.Root = root;
        root.Body = CreateScope(run, root, spec.Root!, run.Definition.Parameters, new Dictionary<string, IReadOnlyList<Launch.RuntimeArtifact>>());
        run.Start(root, InputsJson.Of(run.Definition.Parameters, null), time.GetUtcNow());
        return root;
    }

    /// <summary>Advances a DAG instance's tasks in dependency order (so that a pass cascades through tasks that finish at once).</summary>
    private async Task AdvanceScopeAsync(RunContext run, DagScope scope, EnginePass pass, CancellationToken cancellationToken)
    {
        foreach (var node in scope.Tasks)
        {
            if (!node.State.IsFinal())
            {
                await AdvanceNodeAsync(run, node, pass, cancellationToken);
            }
        }
    }

    private async Task AdvanceNodeAsync(RunContext run, ExecutionNode node, EnginePass pass, CancellationToken cancellationToken)
    {
        if (!node.Started)
        {
            if (run.Terminating)
            {
                run.Finish(node, TaskExecutionState.Canceled, time.GetUtcNow(), error: "the run was terminated before the task started");
                return;
            }

            if (!await TryStartAsync(run, node, cancellationToken) || node.State.IsFinal())
            {
                return;
            }
        }

        switch (node.Kind)
        {
            case TaskExecutionKind.Dag or TaskExecutionKind.Iteration or TaskExecutionKind.Root:
                await AdvanceBodyAsync(run, node, pass, cancellationToken);
                break;
            case TaskExecutionKind.Loop:
                await AdvanceLoopAsync(run, node, pass, cancellationToken);
                break;
            case TaskExecutionKind.Container:
                await containers.PollAsync(run, node, pass, cancellationToken);
                break;
        }
    }

    private async Task AdvanceBodyAsync(RunContext run, ExecutionNode node, EnginePass pass, CancellationToken cancellationToken)
    {
        var body = node.Body!;
        await AdvanceScopeAsync(run, body, pass, cancellationToken);
        if (body.IsDone)
        {
            FinishDag(run, node, body.Tasks, incomplete: false);
        }
    }

    /// <summary>
    /// A DAG (or loop) fails when any child failed, is canceled when any was canceled or, for a terminated loop,
    /// when iterations were never started; otherwise it succeeds (skipped children included) with its outputs.
    /// </summary>
    private void FinishDag(RunContext run, ExecutionNode node, IReadOnlyList<ExecutionNode> children, bool incomplete)
    {
        var failed = children.FirstOrDefault(c => c.State == TaskExecutionState.Failed);
        var canceled = children.FirstOrDefault(c => c.State == TaskExecutionState.Canceled);
        var now = time.GetUtcNow();
        if (failed is not null)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: $"{failed.TaskName}: {failed.Error}");
        }
        else if (canceled is not null || incomplete)
        {
            run.Finish(node, TaskExecutionState.Canceled, now, error: canceled?.Error ?? "the run was terminated");
        }
        else
        {
            run.Finish(node, TaskExecutionState.Succeeded, now, node.Kind == TaskExecutionKind.Loop
                ? DagOutputs.Collect(node.Component, children)
                : DagOutputs.Of(node.Body!));
        }
    }

    private DagScope CreateScope(
        RunContext run,
        ExecutionNode owner,
        ComponentSpec component,
        IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> parameters,
        IReadOnlyDictionary<string, IReadOnlyList<Launch.RuntimeArtifact>> artifacts)
    {
        var scope = new DagScope(owner, component, parameters, artifacts);
        var dag = component.Dag!;
        var spec = run.Definition.Spec;
        foreach (var name in run.Definition.Order(dag))
        {
            var task = dag.Tasks[name];
            var taskComponent = spec.ComponentOf(task)!;
            var path = $"{owner.Path}/{name}";
            var node = new ExecutionNode(run.ExecutionId(path), path, name, task.TaskInfo?.Name ?? name, KindOf(spec, task, taskComponent), taskComponent)
            {
                Task = task,
                Scope = scope,
                Parent = owner,
            };
            scope.Add(node);
            run.Track(node);
        }

        foreach (var node in scope.Tasks)
        {
            node.Upstream = [.. node.Task!.UpstreamTasks().Select(scope.Find).OfType<ExecutionNode>()];
        }

        return scope;
    }

    private static TaskExecutionKind KindOf(PipelineSpec spec, PipelineTaskSpec task, ComponentSpec component) =>
        component.IsDag ? (task.IsLoop ? TaskExecutionKind.Loop : TaskExecutionKind.Dag)
        : spec.FindExecutor(component.ExecutorLabel)?.Importer is not null ? TaskExecutionKind.Importer
        : TaskExecutionKind.Container;
}
