using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>
/// What a list of runs or recurring runs covers: the objects of the namespace that <c>experiment_id</c> (or else
/// <c>namespace</c>) names, after checking the caller may list them, with the namespace's index to map them.
/// </summary>
internal sealed record KfpListScope(IReadOnlyList<Resource> Items, KfpIndex Index, string? ExperimentId)
{
    public static async Task<KfpListScope> LoadAsync(KfpStore store, HttpContext context, ResourceKind kind)
    {
        var experimentId = KfpQuery.String(context.Request, "experiment_id");
        var experiment = experimentId is null ? null : await store.GetByIdAsync(context, PipelineKinds.Experiment, experimentId, "get");
        var ns = experiment?.Metadata.Namespace ?? KfpNamespaces.Resolve(KfpQuery.String(context.Request, "namespace"));
        await KfpStore.AuthorizeAsync(context, "list", kind, ns);
        var items = await store.ListAsync(kind, ns, context.RequestAborted);
        return new KfpListScope(items, await KfpIndex.LoadAsync(store, ns, context.RequestAborted), experiment?.Metadata.Uid);
    }

    /// <summary>Whether an object of the experiment <paramref name="experimentId"/> belongs in the list.</summary>
    public bool Includes(string? experimentId) => ExperimentId is null || experimentId == ExperimentId;
}
