using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>A declared input or output parameter of a component.</summary>
public sealed record ParameterDefinition
{
    public ParameterType ParameterType { get; init; }

    /// <summary>Any JSON value; null when the component declares none.</summary>
    public JsonNode? DefaultValue { get; init; }

    public bool IsOptional { get; init; }

    public string? Description { get; init; }

    /// <summary>The allowed values when the SDK declared a <c>Literal[...]</c> type.</summary>
    public IReadOnlyList<JsonNode?>? Literals { get; init; }

    /// <summary>A task must supply a value: neither optional nor defaulted.</summary>
    [JsonIgnore]
    public bool IsRequired => !IsOptional && DefaultValue is null;
}
