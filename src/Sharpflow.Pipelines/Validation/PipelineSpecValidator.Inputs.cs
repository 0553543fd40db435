using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Cel;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Launch;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Validation;

public sealed partial class PipelineSpecValidator
{
    private void ValidateTaskParameters(string path, string taskName, PipelineTaskSpec task, string? ownerName, ComponentSpec owner, ComponentSpec? component)
    {
        var fStringInputs = ConstantReferences(task);
        foreach (var (name, input) in task.InputParameters)
        {
            var inputPath = $"{path}.inputs.parameters.{name}";
            var sources = new[]
            {
                ("componentInputParameter", input.ComponentInputParameter is not null),
                ("taskOutputParameter", input.TaskOutputParameter is not null),
                ("runtimeValue", input.RuntimeValue is not null),
                ("taskFinalStatus", input.TaskFinalStatus is not null),
            }.Where(s => s.Item2).Select(s => s.Item1).ToList();
            if (sources.Count == 0)
            {
                Add(inputPath, "needs a source: one of componentInputParameter, taskOutputParameter, runtimeValue or taskFinalStatus");
                continue;
            }

            if (sources.Count > 1)
            {
                Add(inputPath, $"sets more than one source ({string.Join(", ", sources)}); an input has exactly one");
                continue;
            }

            ParameterDefinition? definition = null;
            if (component is not null && !component.InputParameters.TryGetValue(name, out definition) && !fStringInputs.Contains(name))
            {
                Add(inputPath, $"component \"{task.ComponentRef!.Name}\" declares no input parameter \"{name}\"");
            }

            var sourceType = ParameterSource(inputPath, taskName, input, ownerName, owner);
            if (definition is null)
            {
                continue;
            }

            if (definition.ParameterType == ParameterType.TaskFinalStatus && input.TaskFinalStatus is null)
            {
                Add(inputPath, "a TASK_FINAL_STATUS input can only take a taskFinalStatus");
            }
            else if (input.TaskFinalStatus is not null && definition.ParameterType is not (ParameterType.TaskFinalStatus or ParameterType.Struct))
            {
                Add(inputPath, $"a taskFinalStatus needs a TASK_FINAL_STATUS input, but component \"{task.ComponentRef!.Name}\" declares {definition.ParameterType.ProtoName()}");
            }
            else if (!string.IsNullOrEmpty(input.ParameterExpressionSelector))
            {
                ValidateSelector($"{inputPath}.parameterExpressionSelector", input.ParameterExpressionSelector);
            }
            else if (input.RuntimeValue is not null && ValueMismatch(input.RuntimeValue.Constant, definition.ParameterType) is { } mismatch)
            {
                Add(inputPath, $"the constant {mismatch}");
            }
            else if (sourceType is { } from && !Compatible(from.Type, definition.ParameterType))
            {
                Add(inputPath, $"{from.Description} is {from.Type.ProtoName()}, but component \"{task.ComponentRef!.Name}\" expects {definition.ParameterType.ProtoName()}");
            }
        }
    }

    /// <summary>Checks where a parameter comes from; returns its declared type when the source declares one.</summary>
    private (ParameterType Type, string Description)? ParameterSource(
        string path, string taskName, TaskInputParameterSpec input, string? ownerName, ComponentSpec owner)
    {
        if (input.ComponentInputParameter is { } parent)
        {
            if (owner.InputParameters.TryGetValue(parent, out var definition))
            {
                return (definition.ParameterType, $"input \"{parent}\" of {Owner(ownerName)}");
            }

            Add(path, $"{Owner(ownerName)} has no input parameter \"{parent}\"");
        }
        else if (input.TaskOutputParameter is { } output)
        {
            if (Producer(path, taskName, output.ProducerTask, owner) is { } producer
                && _spec.ComponentOf(producer) is { } producerComponent)
            {
                if (producerComponent.OutputParameters.TryGetValue(output.OutputParameterKey ?? string.Empty, out var definition))
                {
                    return (definition.ParameterType, $"output \"{output.OutputParameterKey}\" of task \"{output.ProducerTask}\"");
                }

                Add(path, $"task \"{output.ProducerTask}\" (component \"{producer.ComponentRef!.Name}\") has no output parameter \"{output.OutputParameterKey}\"");
            }
        }
        else if (input.TaskFinalStatus is { } status)
        {
            Producer(path, taskName, status.ProducerTask, owner);
        }
        else if (input.RuntimeValue?.RuntimeParameter is not null)
        {
            Add(path, "runtimeValue.runtimeParameter is not supported for task inputs; use componentInputParameter");
        }

        return null;
    }

    private void ValidateTaskArtifacts(string path, string taskName, PipelineTaskSpec task, string? ownerName, ComponentSpec owner, ComponentSpec? component)
    {
        foreach (var (name, input) in task.InputArtifacts)
        {
            var inputPath = $"{path}.inputs.artifacts.{name}";
            if ((input.ComponentInputArtifact is null) == (input.TaskOutputArtifact is null))
            {
                Add(inputPath, "needs exactly one source: componentInputArtifact or taskOutputArtifact");
                continue;
            }

            if (component is not null && !component.InputArtifacts.ContainsKey(name))
            {
                Add(inputPath, $"component \"{task.ComponentRef!.Name}\" declares no input artifact \"{name}\"");
            }

            if (input.ComponentInputArtifact is { } parent)
            {
                if (!owner.InputArtifacts.ContainsKey(parent))
                {
                    Add(inputPath, $"{Owner(ownerName)} has no input artifact \"{parent}\"");
                }
            }
            else if (Producer(inputPath, taskName, input.TaskOutputArtifact!.ProducerTask, owner) is { } producer
                && _spec.ComponentOf(producer) is { } producerComponent
                && !producerComponent.OutputArtifacts.ContainsKey(input.TaskOutputArtifact.OutputArtifactKey ?? string.Empty))
            {
                Add(inputPath, $"task \"{input.TaskOutputArtifact.ProducerTask}\" (component \"{producer.ComponentRef!.Name}\") has no output artifact \"{input.TaskOutputArtifact.OutputArtifactKey}\"");
            }
        }
    }

    /// <summary>The producing sibling task, or null (and a problem) when it is not one.</summary>
    private PipelineTaskSpec? Producer(string path, string taskName, string? producer, ComponentSpec owner)
    {
        if (string.IsNullOrEmpty(producer))
        {
            Add(path, "the producer task is required");
            return null;
        }

        if (producer == taskName)
        {
            Add(path, "a task cannot consume its own output");
            return null;
        }

        if (!owner.Dag!.Tasks.TryGetValue(producer, out var task))
        {
            Add(path, $"producer task \"{producer}\" is not a task of this DAG");
            return null;
        }

        return task;
    }

    private void ValidateSelector(string path, string selector)
    {
        try
        {
            CelExpression.Parse(selector);
        }
        catch (CelException e)
        {
            Add(path, $"is not valid CEL: {e.Message}");
        }
    }

    /// <summary>Inputs that constants of the task embed (f-strings): the task passes them although the component does not declare them.</summary>
    private static HashSet<string> ConstantReferences(PipelineTaskSpec task) =>
        task.InputParameters.Values
            .Select(input => input.RuntimeValue?.Constant)
            .OfType<JsonValue>()
            .Select(constant => constant.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>()
            .SelectMany(PlaceholderSyntax.Find)
            .Where(reference => reference.Kind == PlaceholderKind.InputParameter)
            .Select(reference => reference.Name!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a value declared <paramref name="from"/> can feed an input declared <paramref name="to"/> (STRING takes anything).</summary>
    private static bool Compatible(ParameterType from, ParameterType to) =>
        from == to
        || to is ParameterType.String or ParameterType.Unspecified
        || from is ParameterType.Unspecified
        || (from is ParameterType.NumberInteger or ParameterType.NumberDouble && to is ParameterType.NumberInteger or ParameterType.NumberDouble)
        || (from is ParameterType.Struct or ParameterType.TaskFinalStatus && to is ParameterType.Struct or ParameterType.TaskFinalStatus);
}
