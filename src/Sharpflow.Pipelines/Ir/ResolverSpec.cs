namespace Sharpflow.Pipelines.Ir;

/// <summary>Resolves output artifacts from past metadata by query.</summary>
public sealed record ResolverSpec
{
    public IReadOnlyDictionary<string, ArtifactQuerySpec> OutputArtifactQueries { get => field ?? EmptyMap<ArtifactQuerySpec>.Instance; init; }
}
