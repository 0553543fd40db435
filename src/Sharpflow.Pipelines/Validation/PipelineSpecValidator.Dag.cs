using Sharpflow.Pipelines.Cel;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Validation;

public sealed partial class PipelineSpecValidator
{
    /// <param name="ownerName">The component holding the DAG; null for the root.</param>
    private void ValidateDag(string path, string? ownerName, ComponentSpec owner)
    {
        var dag = owner.Dag!;
        if (dag.Tasks.Count == 0)
        {
            Add($"{path}.tasks", "a DAG needs at least one task");
        }

        foreach (var (name, task) in dag.Tasks)
        {
            ValidateTask($"{path}.tasks.{name}", name, task, ownerName, owner);
        }

        ValidateCycles(path, dag);
        ValidateDagOutputs(path, ownerName, owner);
    }

    private void ValidateTask(string path, string name, PipelineTaskSpec task, string? ownerName, ComponentSpec owner)
    {
        var component = _spec.ComponentOf(task);
        var componentName = task.ComponentRef?.Name;
        if (string.IsNullOrEmpty(componentName))
        {
            Add($"{path}.componentRef.name", "is required: the component the task runs");
        }
        else if (component is null)
        {
            Add($"{path}.componentRef.name", $"component \"{componentName}\" is not defined");
        }

        for (var i = 0; i < task.DependentTasks.Count; i++)
        {
            var upstream = task.DependentTasks[i];
            if (upstream == name)
            {
                Add($"{path}.dependentTasks[{i}]", "a task cannot depend on itself");
            }
            else if (!owner.Dag!.Tasks.ContainsKey(upstream))
            {
                Add($"{path}.dependentTasks[{i}]", $"task \"{upstream}\" is not a task of this DAG");
            }
        }

        ValidateTaskParameters(path, name, task, ownerName, owner, component);
        ValidateTaskArtifacts(path, name, task, ownerName, owner, component);
        ValidateRequiredInputs(path, task, componentName, component);
        ValidateTrigger(path, task);
        ValidateIterators(path, task, componentName, component);
        ValidateRetry(path, task);
    }

    private void ValidateRequiredInputs(string path, PipelineTaskSpec task, string? componentName, ComponentSpec? component)
    {
        if (component is null)
        {
            return;
        }

        foreach (var (name, definition) in component.InputParameters)
        {
            if (definition.IsRequired && definition.ParameterType != ParameterType.TaskConfig
                && !task.InputParameters.ContainsKey(name) && name != task.ParameterIterator?.ItemInput)
            {
                Add($"{path}.inputs.parameters.{name}", $"required input parameter \"{name}\" of component \"{componentName}\" has no value");
            }
        }

        foreach (var (name, definition) in component.InputArtifacts)
        {
            if (!definition.IsOptional && !task.InputArtifacts.ContainsKey(name) && name != task.ArtifactIterator?.ItemInput)
            {
                Add($"{path}.inputs.artifacts.{name}", $"required input artifact \"{name}\" of component \"{componentName}\" has no value");
            }
        }
    }

    private void ValidateTrigger(string path, PipelineTaskSpec task)
    {
        if (string.IsNullOrWhiteSpace(task.TriggerPolicy?.Condition))
        {
            return;
        }

        var conditionPath = $"{path}.triggerPolicy.condition";
        try
        {
            foreach (var key in CelExpression.Parse(task.TriggerPolicy.Condition).ParameterValueKeys().Distinct())
            {
                if (!task.InputParameters.ContainsKey(key))
                {
                    Add(conditionPath, $"reads inputs.parameter_values['{key}'], which is not an input parameter of the task");
                }
            }
        }
        catch (CelException e)
        {
            Add(conditionPath, $"is not valid CEL: {e.Message}");
        }
    }

    /// <summary>Tasks that wait for each other (by dependentTasks or data) can never start.</summary>
    private void ValidateCycles(string path, DagSpec dag)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var name in dag.Tasks.Keys)
        {
            Visit(name);
        }

        void Visit(string name)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    var cycle = stack[stack.IndexOf(name)..];
                    if (reported.Add(string.Join('\n', cycle.Order(StringComparer.Ordinal))))
                    {
                        Add($"{path}.tasks.{name}", $"tasks form a dependency cycle: {string.Join(" -> ", cycle.Append(name))}");
                    }
                }

                return;
            }

            state[name] = false;
            stack.Add(name);
            foreach (var upstream in dag.Tasks[name].UpstreamTasks())
            {
                if (upstream != name && dag.Tasks.ContainsKey(upstream))
                {
                    Visit(upstream);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[name] = true;
        }
    }
}
