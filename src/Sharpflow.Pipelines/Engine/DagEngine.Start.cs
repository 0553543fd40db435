using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Cel;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

internal sealed partial class DagEngine
{
    /// <summary>
    /// Starts a task once its upstream is final: skips it when an upstream task did not succeed (unless it
    /// runs on ALL_UPSTREAM_TASKS_COMPLETED) or its condition is false; otherwise binds its inputs and starts
    /// it by kind. A task whose final record survived a restart or a retry takes that record over instead.
    /// </summary>
    /// <returns>Whether the task is now started and may be advanced further in this pass.</returns>
    private async Task<bool> TryStartAsync(RunContext run, ExecutionNode node, CancellationToken cancellationToken)
    {
        foreach (var upstream in node.Upstream)
        {
            if (!upstream.State.IsFinal())
            {
                return false;
            }
        }

        var task = node.Task!;
        var now = time.GetUtcNow();
        if (task.Strategy != TriggerStrategy.AllUpstreamTasksCompleted
            && node.Upstream.FirstOrDefault(u => !u.State.HasOutputs()) is { } blocked)
        {
            run.Finish(node, TaskExecutionState.Skipped, now, error: $"upstream task {blocked.DagKey} is {blocked.State.ToName()}");
            return false;
        }

        if (run.Persisted.TryGetValue(node.Path, out var saved) && saved.State.IsFinal())
        {
            run.Adopt(node, saved);
            return false;
        }

        ResolvedTaskInputs inputs;
        try
        {
            inputs = TaskInputResolver.Resolve(task, node.Component, new ScopeInputSource(run, node.Scope!), run.TaskContextFor(node));
        }
        catch (LaunchException e)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: e.Message);
            return false;
        }

        node.Inputs = inputs;
        if (task.TriggerPolicy?.Condition is { Length: > 0 } condition && !Holds(run, node, condition, inputs, now))
        {
            return false;
        }

        switch (node.Kind)
        {
            case TaskExecutionKind.Dag:
                var parameters = WithDefaults(inputs.ParameterValues, node.Component);
                node.Body = CreateScope(run, node, node.Component, parameters, inputs.Artifacts);
                run.Start(node, InputsJson.Of(parameters, inputs.Artifacts), now);
                return true;
            case TaskExecutionKind.Loop:
                return StartLoop(run, node, inputs, now);
            case TaskExecutionKind.Importer:
                importer.Run(run, node, now);
                return false;
            default:
                return await containers.StartAsync(run, node, cancellationToken);
        }
    }

    /// <summary>Evaluates a trigger condition; false or a failing expression finish the task (skipped or failed).</summary>
    private static bool Holds(RunContext run, ExecutionNode node, string condition, ResolvedTaskInputs inputs, DateTimeOffset now)
    {
        var input = ExecutorInputDefaults.Apply(
            new ExecutorInput { ParameterValues = inputs.ParameterValues, Artifacts = inputs.Artifacts }, node.Component);
        try
        {
            if (KfpExpressions.EvaluateCondition(condition, input))
            {
                return true;
            }

            run.Finish(node, TaskExecutionState.Skipped, now, error: $"the condition {condition} is false");
        }
        catch (CelException e)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: $"the condition {condition} cannot be evaluated: {e.Message}");
        }

        return false;
    }

    /// <summary>A DAG instance's inputs: what its task received, plus the component's defaults for what it did not.</summary>
    private static IReadOnlyDictionary<string, JsonNode?> WithDefaults(IReadOnlyDictionary<string, JsonNode?> values, ComponentSpec component)
    {
        if (!component.InputParameters.Any(p => p.Value.DefaultValue is not null && !values.ContainsKey(p.Key)))
        {
            return values;
        }

        var merged = values.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, definition) in component.InputParameters)
        {
            if (definition.DefaultValue is not null && !merged.ContainsKey(name))
            {
                merged[name] = definition.DefaultValue.DeepClone();
            }
        }

        return merged;
    }
}
