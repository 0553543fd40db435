using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Validation;

/// <summary>
/// Checks a pipeline before it is stored or run and reports every problem with the dotted path of the
/// field (<c>root.dag.tasks.train.inputs.parameters.lr</c>): dangling references to components,
/// executors, tasks, inputs and outputs; inputs without a value; dependency cycles; iterators; CEL that
/// does not parse; constants and defaults of the wrong type; placeholders naming undeclared inputs.
/// </summary>
public sealed partial class PipelineSpecValidator
{
    private readonly PipelineSpec _spec;
    private readonly List<ValidationProblem> _problems = [];

    private PipelineSpecValidator(PipelineSpec spec)
    {
        _spec = spec;
    }

    public static IReadOnlyList<ValidationProblem> Validate(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var validator = new PipelineSpecValidator(spec);
        validator.ValidatePipeline();
        return validator._problems;
    }

    /// <summary>
    /// Checks the parameters a run supplies against the pipeline's inputs: unknown names, values of the
    /// wrong type, and required inputs (neither optional nor defaulted) that are missing.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> ValidateRuntimeParameters(
        PipelineSpec spec, IReadOnlyDictionary<string, JsonNode?> parameters, string pathPrefix = "runtimeConfig.parameters")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(parameters);
        var problems = new List<ValidationProblem>();
        var declared = spec.Root?.InputParameters ?? new Dictionary<string, ParameterDefinition>();
        foreach (var (name, value) in parameters)
        {
            if (!declared.TryGetValue(name, out var definition))
            {
                var known = declared.Count == 0 ? "it declares none" : $"it declares {string.Join(", ", declared.Keys)}";
                problems.Add(new($"{pathPrefix}.{name}", $"the pipeline has no input parameter \"{name}\" ({known})"));
            }
            else if (value is not null && ParameterValues.TypeMismatch(value, definition.ParameterType) is { } mismatch)
            {
                problems.Add(new($"{pathPrefix}.{name}", $"the parameter {mismatch}"));
            }
        }

        foreach (var (name, definition) in declared)
        {
            if (definition.IsRequired && definition.ParameterType != ParameterType.TaskConfig
                && (!parameters.TryGetValue(name, out var value) || value is null))
            {
                problems.Add(new($"{pathPrefix}.{name}", $"is required: the pipeline declares no default for input parameter \"{name}\""));
            }
        }

        return problems;
    }

    private void Add(string path, string message) => _problems.Add(new ValidationProblem(path, message));

    private void ValidatePipeline()
    {
        if (string.IsNullOrWhiteSpace(_spec.PipelineInfo?.Name))
        {
            Add("pipelineInfo.name", "is required: every pipeline has a name");
        }

        if (_spec.Root is null)
        {
            Add("root", "is required: the root component holds the pipeline's DAG");
        }
        else
        {
            ValidateDefinitions("root", _spec.Root);
            if (_spec.Root.Dag is null)
            {
                Add("root.dag", "is required: the root component must be a DAG of tasks");
            }
            else
            {
                ValidateDag("root.dag", null, _spec.Root);
            }
        }

        foreach (var (name, component) in _spec.Components)
        {
            ValidateComponent(name, component);
        }

        foreach (var (label, executor) in _spec.DeploymentSpec?.Executors ?? new Dictionary<string, ExecutorSpec>())
        {
            ValidateExecutor(label, executor);
        }

        ValidateComponentNesting();
    }

    private void ValidateComponent(string name, ComponentSpec component)
    {
        var path = $"components.{name}";
        if (component.Dag is not null && component.ExecutorLabel is not null)
        {
            Add(path, "has both a dag and an executorLabel; a component has exactly one");
        }
        else if (component.Dag is null && string.IsNullOrEmpty(component.ExecutorLabel))
        {
            Add(path, "has neither a dag nor an executorLabel; a component has exactly one");
        }

        if (!string.IsNullOrEmpty(component.ExecutorLabel))
        {
            var executor = _spec.FindExecutor(component.ExecutorLabel);
            if (executor is null)
            {
                Add($"{path}.executorLabel", $"executor \"{component.ExecutorLabel}\" is not defined in deploymentSpec.executors");
            }
            else
            {
                ValidateExecutorReferences(name, component, executor);
            }
        }

        ValidateDefinitions(path, component);
        if (component.Dag is not null)
        {
            ValidateDag($"{path}.dag", name, component);
        }
    }

    private void ValidateDefinitions(string path, ComponentSpec component)
    {
        foreach (var (name, definition) in component.InputParameters)
        {
            var parameterPath = $"{path}.inputDefinitions.parameters.{name}";
            if (definition.ParameterType == ParameterType.Unspecified)
            {
                Add($"{parameterPath}.parameterType", "is required (STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, LIST, STRUCT or TASK_FINAL_STATUS)");
            }
            else if (ValueMismatch(definition.DefaultValue, definition.ParameterType) is { } mismatch)
            {
                Add($"{parameterPath}.defaultValue", $"the default {mismatch}");
            }
        }

        foreach (var (name, definition) in component.OutputParameters)
        {
            if (definition.ParameterType == ParameterType.Unspecified)
            {
                Add($"{path}.outputDefinitions.parameters.{name}.parameterType", "is required (STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, LIST or STRUCT)");
            }
        }
    }

    /// <summary>What is wrong with a literal value for a declared type, or null; strings holding placeholders are resolved later.</summary>
    private static string? ValueMismatch(JsonNode? value, ParameterType type)
    {
        if (value is null || (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Contains("{{$", StringComparison.Ordinal)))
        {
            return null;
        }

        if (ParameterValues.TypeMismatch(value, type) is { } mismatch)
        {
            return mismatch;
        }

        return type == ParameterType.NumberInteger && value is JsonValue number
            && KfpJson.ToDouble(number) is var d && d != Math.Truncate(d)
                ? $"expects NUMBER_INTEGER, got {ParameterValues.ToText(value)}"
                : null;
    }

    private static string Owner(string? componentName) => componentName is null ? "the pipeline" : $"component \"{componentName}\"";
}
