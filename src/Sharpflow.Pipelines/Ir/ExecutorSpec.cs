using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Ir;

/// <summary>Exactly one of a container to run, an artifact to import, or artifacts to resolve from metadata.</summary>
public sealed record ExecutorSpec
{
    public ContainerSpec? Container { get; init; }

    public ImporterSpec? Importer { get; init; }

    public ResolverSpec? Resolver { get; init; }

    /// <summary>Deprecated Vertex AI custom job; parsed so that validation can name it.</summary>
    public JsonObject? CustomJob { get; init; }
}
