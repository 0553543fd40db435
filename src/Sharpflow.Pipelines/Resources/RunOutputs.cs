using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Resources;

/// <summary>
/// Pipeline-level outputs: <c>parameters</c> by name, and <c>artifacts</c> by name as lists of
/// <c>{name, uri, metadata, type: {schemaTitle, schemaVersion}}</c>.
/// </summary>
public sealed record RunOutputs
{
    public JsonObject? Parameters { get; init; }

    public JsonObject? Artifacts { get; init; }
}
