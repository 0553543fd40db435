using System.Globalization;
using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

internal sealed partial class DagEngine
{
    /// <summary>Expands a ParallelFor's items; an empty list finishes the loop at once.</summary>
    private bool StartLoop(RunContext run, ExecutionNode node, ResolvedTaskInputs inputs, DateTimeOffset now)
    {
        var task = node.Task!;
        var parallelism = task.IteratorPolicy?.ParallelismLimit ?? 0;
        try
        {
            node.Loop = task.ParameterIterator is { } parameters
                ? LoopRun.OverParameters(LoopItems.Expand(parameters, inputs.ParameterValues), parameters.ItemInput ?? string.Empty, parallelism)
                : LoopRun.OverArtifacts(LoopItems.Expand(task.ArtifactIterator!, inputs.Artifacts), task.ArtifactIterator!.ItemInput ?? string.Empty, parallelism);
        }
        catch (LaunchException e)
        {
            run.Finish(node, TaskExecutionState.Failed, now, error: e.Message);
            return false;
        }

        run.Start(node, InputsJson.Of(inputs.ParameterValues, inputs.Artifacts), now);
        return true;
    }

    /// <summary>Advances running iterations, then starts new ones while the parallelism limit allows; done when every iteration is.</summary>
    private async Task AdvanceLoopAsync(RunContext run, ExecutionNode node, EnginePass pass, CancellationToken cancellationToken)
    {
        var loop = node.Loop!;
        for (var i = loop.Active.Count - 1; i >= 0; i--)
        {
            var iteration = loop.Active[i];
            await AdvanceBodyAsync(run, iteration, pass, cancellationToken);
            if (iteration.State.IsFinal())
            {
                loop.Active.RemoveAt(i);
            }
        }

        while (!run.Terminating && loop.Next < loop.Count && loop.HasRoom)
        {
            var iteration = CreateIteration(run, node, loop, loop.Next++);
            if (iteration.State.IsFinal())
            {
                continue;
            }

            await AdvanceBodyAsync(run, iteration, pass, cancellationToken);
            if (!iteration.State.IsFinal())
            {
                loop.Active.Add(iteration);
            }
        }

        if (loop.Active.Count == 0 && (loop.Next == loop.Count || run.Terminating))
        {
            FinishDag(run, node, loop.Iterations, incomplete: loop.Next < loop.Count);
        }
    }

    /// <summary>Creates iteration <paramref name="index"/>: the loop body with the item bound to the item input, or its final record.</summary>
    private ExecutionNode CreateIteration(RunContext run, ExecutionNode loopNode, LoopRun loop, int index)
    {
        var key = index.ToString(CultureInfo.InvariantCulture);
        var path = $"{loopNode.Path}/{key}";
        var iteration = new ExecutionNode(run.ExecutionId(path), path, key, $"{loopNode.TaskName}-{key}", TaskExecutionKind.Iteration, loopNode.Component)
        {
            Parent = loopNode,
            IterationIndex = index,
        };
        loop.Iterations.Add(iteration);
        var now = time.GetUtcNow();
        if (run.Persisted.TryGetValue(path, out var saved) && saved.State.IsFinal())
        {
            run.Adopt(iteration, saved);
            return iteration;
        }

        var inputs = loopNode.Inputs!;
        var parameters = inputs.ParameterValues.ToDictionary(StringComparer.Ordinal);
        var artifacts = inputs.Artifacts.ToDictionary(StringComparer.Ordinal);
        if (loop.ParameterItems is { } items)
        {
            parameters[loop.ItemInput] = items[index]?.DeepClone();
        }
        else
        {
            artifacts[loop.ItemInput] = loop.ArtifactItems![index];
        }

        var bound = WithDefaults(parameters, loopNode.Component);
        iteration.Body = CreateScope(run, iteration, loopNode.Component, bound, artifacts);
        run.Start(iteration, InputsJson.Of(bound, artifacts), now);
        return iteration;
    }
}
