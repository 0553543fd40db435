using System.Text.Json;
using System.Text.Json.Nodes;
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

    private void ValidateIterators(string path, PipelineTaskSpec task, string? componentName, ComponentSpec? component)
    {
        if (task.ParameterIterator is not null && task.ArtifactIterator is not null)
        {
            Add(path, "sets both parameterIterator and artifactIterator; a loop iterates over one");
        }

        if (task.ParameterIterator is { } parameters)
        {
            var iteratorPath = $"{path}.parameterIterator";
            var items = parameters.Items;
            if (items is null || (items.Raw is null) == (items.InputParameter is null))
            {
                Add($"{iteratorPath}.items", "needs exactly one of raw or inputParameter");
            }
            else if (items.Raw is not null && RawItemsProblem(items.Raw) is { } problem)
            {
                Add($"{iteratorPath}.items.raw", problem);
            }
            else if (items.InputParameter is { } input && !task.InputParameters.ContainsKey(input))
            {
                Add($"{iteratorPath}.items.inputParameter", $"\"{input}\" is not an input parameter of the task");
            }

            if (string.IsNullOrEmpty(parameters.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", "is required: the loop component's input that receives each item");
            }
            else if (component is not null && !component.InputParameters.ContainsKey(parameters.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", $"component \"{componentName}\" declares no input parameter \"{parameters.ItemInput}\"");
            }
        }

        if (task.ArtifactIterator is { } artifacts)
        {
            var iteratorPath = $"{path}.artifactIterator";
            if (artifacts.Items?.InputArtifact is not { Length: > 0 } input)
            {
                Add($"{iteratorPath}.items.inputArtifact", "is required: the input artifact list to iterate over");
            }
            else if (!task.InputArtifacts.ContainsKey(input))
            {
                Add($"{iteratorPath}.items.inputArtifact", $"\"{input}\" is not an input artifact of the task");
            }

            if (string.IsNullOrEmpty(artifacts.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", "is required: the loop component's input that receives each artifact");
            }
            else if (component is not null && !component.InputArtifacts.ContainsKey(artifacts.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", $"component \"{componentName}\" declares no input artifact \"{artifacts.ItemInput}\"");
            }
        }

        if (task.IteratorPolicy is { ParallelismLimit: < 0 })
        {
            Add($"{path}.iteratorPolicy.parallelismLimit", "must not be negative (0 means no limit)");
        }
    }

    private static string? RawItemsProblem(string raw)
    {
        try
        {
            return JsonNode.Parse(raw) is JsonArray ? null : "must be a JSON array";
        }
        catch (JsonException e)
        {
            return $"must be a JSON array: {e.Message}";
        }
    }

    private void ValidateRetry(string path, PipelineTaskSpec task)
    {
        if (task.RetryPolicy is not { } retry)
        {
            return;
        }

        if (retry.MaxRetryCount < 0)
        {
            Add($"{path}.retryPolicy.maxRetryCount", "must not be negative");
        }

        if (retry.BackoffFactor < 0)
        {
            Add($"{path}.retryPolicy.backoffFactor", "must not be negative");
        }

        foreach (var (field, value) in new[] { ("backoffDuration", retry.BackoffDuration), ("backoffMaxDuration", retry.BackoffMaxDuration) })
        {
            if (!string.IsNullOrEmpty(value) && (!ProtoDuration.TryParse(value, out var duration) || duration < TimeSpan.Zero))
            {
                Add($"{path}.retryPolicy.{field}", $"\"{value}\" is not a duration in seconds such as \"30s\" or \"1.5s\"");
            }
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

    private void ValidateDagOutputs(string path, string? ownerName, ComponentSpec owner)
    {
        var outputs = owner.Dag!.Outputs;
        var tasks = owner.Dag.Tasks;
        foreach (var (name, output) in outputs?.Parameters ?? new Dictionary<string, DagOutputParameterSpec>())
        {
            var outputPath = $"{path}.outputs.parameters.{name}";
            if (!owner.OutputParameters.ContainsKey(name))
            {
                Add(outputPath, $"{Owner(ownerName)} declares no output parameter \"{name}\"");
            }

            if ((output.ValueFromParameter is null) == (output.ValueFromOneof is null))
            {
                Add(outputPath, "needs exactly one of valueFromParameter or valueFromOneof");
            }

            if (output.ValueFromOneof is { ParameterSelectors.Count: 0 })
            {
                Add($"{outputPath}.valueFromOneof", "needs at least one parameter selector");
            }

            var selectors = (output.ValueFromOneof?.ParameterSelectors ?? []).Prepend(output.ValueFromParameter).OfType<ParameterSelector>();
            foreach (var selector in selectors)
            {
                ValidateOutputSelector(outputPath, tasks, selector.ProducerSubtask, selector.OutputParameterKey, artifact: false);
            }
        }

        foreach (var (name, output) in outputs?.Artifacts ?? new Dictionary<string, DagOutputArtifactSpec>())
        {
            var outputPath = $"{path}.outputs.artifacts.{name}";
            if (!owner.OutputArtifacts.ContainsKey(name))
            {
                Add(outputPath, $"{Owner(ownerName)} declares no output artifact \"{name}\"");
            }

            if (output.ArtifactSelectors.Count == 0)
            {
                Add(outputPath, "needs at least one artifact selector");
            }

            foreach (var selector in output.ArtifactSelectors)
            {
                ValidateOutputSelector(outputPath, tasks, selector.ProducerSubtask, selector.OutputArtifactKey, artifact: true);
            }
        }

        foreach (var name in owner.OutputParameters.Keys.Where(n => outputs?.Parameters.ContainsKey(n) != true))
        {
            Add($"{path}.outputs.parameters.{name}", $"{Owner(ownerName)} declares output parameter \"{name}\" but the DAG does not say which task produces it");
        }

        foreach (var name in owner.OutputArtifacts.Keys.Where(n => outputs?.Artifacts.ContainsKey(n) != true))
        {
            Add($"{path}.outputs.artifacts.{name}", $"{Owner(ownerName)} declares output artifact \"{name}\" but the DAG does not say which task produces it");
        }
    }

    private void ValidateOutputSelector(string path, IReadOnlyDictionary<string, PipelineTaskSpec> tasks, string? producer, string? key, bool artifact)
    {
        var kind = artifact ? "output artifact" : "output parameter";
        if (string.IsNullOrEmpty(producer) || !tasks.TryGetValue(producer, out var task))
        {
            Add(path, $"producer subtask \"{producer}\" is not a task of this DAG");
            return;
        }

        if (_spec.ComponentOf(task) is { } component
            && !(artifact ? component.OutputArtifacts.ContainsKey(key ?? string.Empty) : component.OutputParameters.ContainsKey(key ?? string.Empty)))
        {
            Add(path, $"task \"{producer}\" (component \"{task.ComponentRef!.Name}\") has no {kind} \"{key}\"");
        }
    }
}
