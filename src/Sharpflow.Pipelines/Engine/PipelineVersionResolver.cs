using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;
using Sharpflow.Pipelines.Resources;

namespace Sharpflow.Pipelines.Engine;

/// <summary>Finds the PipelineVersion a run refers to (see <see cref="PipelineVersionReference"/>).</summary>
internal static class PipelineVersionResolver
{
    public static async Task<Resource?> FindAsync(
        IResourceStore store, string ns, PipelineVersionReference reference, ResolvedPipelineVersion? resolved, CancellationToken cancellationToken)
    {
        var versionName = resolved?.Name ?? reference.VersionName;
        if (!string.IsNullOrEmpty(versionName))
        {
            return await store.GetAsync(Key(PipelineKinds.PipelineVersion, ns, versionName), cancellationToken);
        }

        var versions = await ListAsync(store, PipelineKinds.PipelineVersion, ns, cancellationToken);
        if (!string.IsNullOrEmpty(reference.VersionId))
        {
            return versions.FirstOrDefault(v => v.Metadata.Uid == reference.VersionId);
        }

        var pipelineName = reference.PipelineName;
        if (string.IsNullOrEmpty(pipelineName) && !string.IsNullOrEmpty(reference.PipelineId))
        {
            var pipelines = await ListAsync(store, PipelineKinds.Pipeline, ns, cancellationToken);
            pipelineName = pipelines.FirstOrDefault(p => p.Metadata.Uid == reference.PipelineId)?.Metadata.Name;
        }

        return string.IsNullOrEmpty(pipelineName)
            ? null
            : versions
                .Where(v => v.Spec?["pipelineName"]?.GetValue<string>() == pipelineName)
                .OrderByDescending(v => v.Metadata.CreationTimestamp)
                .ThenByDescending(v => long.TryParse(v.Metadata.ResourceVersion, out var rv) ? rv : 0)
                .FirstOrDefault();
    }

    public static string Describe(PipelineVersionReference reference) =>
        reference.VersionName ?? reference.VersionId
        ?? $"of pipeline {reference.PipelineName ?? reference.PipelineId ?? "(none named)"}";

    private static ResourceKey Key(Api.Kinds.ResourceKind kind, string ns, string name) => new(kind.Group, kind.Kind, ns, name);

    private static async Task<IReadOnlyList<Resource>> ListAsync(IResourceStore store, Api.Kinds.ResourceKind kind, string ns, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(new ListQuery { Group = kind.Group, Kind = kind.Kind, Namespace = ns }, cancellationToken);
        return list.Items;
    }
}
