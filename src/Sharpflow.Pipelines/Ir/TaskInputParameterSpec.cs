namespace Sharpflow.Pipelines.Ir;

/// <summary>Where a task input parameter comes from: exactly one source, optionally narrowed by a CEL selector.</summary>
public sealed record TaskInputParameterSpec
{
    public TaskOutputParameterSpec? TaskOutputParameter { get; init; }

    /// <summary>A constant; string constants may embed job placeholders and other inputs of the same task (f-strings).</summary>
    public ValueOrRuntimeParameter? RuntimeValue { get; init; }

    /// <summary>An input parameter of the component that contains this task's DAG.</summary>
    public string? ComponentInputParameter { get; init; }

    public TaskFinalStatusSpec? TaskFinalStatus { get; init; }

    /// <summary>CEL over the value as a <c>google.protobuf.Value</c>, e.g. <c>parseJson(string_value)["A_a"]</c>.</summary>
    public string? ParameterExpressionSelector { get; init; }
}
