using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Ir;

public sealed record ValueOrRuntimeParameter
{
    /// <summary>Any JSON value.</summary>
    public JsonNode? Constant { get; init; }

    /// <summary>The name of an input parameter of the same component (importer URIs).</summary>
    public string? RuntimeParameter { get; init; }
}
