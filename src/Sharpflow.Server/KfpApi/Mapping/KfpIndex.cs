using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>
/// The objects of one namespace that runs and recurring runs refer to by name (experiments, recurring runs, pipelines
/// and their versions), loaded once per request so that the ids KFP shows (uids) can be filled in.
/// </summary>
internal sealed class KfpIndex
{
    private readonly Dictionary<string, Resource> _experiments;
    private readonly Dictionary<string, Resource> _recurringRuns;
    private readonly Dictionary<string, Resource> _pipelines;
    private readonly Dictionary<string, Resource> _versions;

    private KfpIndex(IReadOnlyList<Resource> experiments, IReadOnlyList<Resource> recurringRuns, IReadOnlyList<Resource> pipelines, IReadOnlyList<Resource> versions)
    {
        _experiments = ByName(experiments);
        _recurringRuns = ByName(recurringRuns);
        _pipelines = ByName(pipelines);
        _versions = ByName(versions);
    }

    public IEnumerable<Resource> Experiments => _experiments.Values;

    public static async Task<KfpIndex> LoadAsync(KfpStore store, string ns, CancellationToken cancellationToken)
    {
        var experiments = store.ListAsync(PipelineKinds.Experiment, ns, cancellationToken);
        var recurring = store.ListAsync(PipelineKinds.RecurringRun, ns, cancellationToken);
        var pipelines = store.ListAsync(PipelineKinds.Pipeline, ns, cancellationToken);
        var versions = store.ListAsync(PipelineKinds.PipelineVersion, ns, cancellationToken);
        return new KfpIndex(await experiments, await recurring, await pipelines, await versions);
    }

    /// <summary>The id of the experiment a run or recurring run names (empty: the default experiment), when it exists.</summary>
    public string? ExperimentId(string? experimentName) =>
        _experiments.GetValueOrDefault(KfpExperiments.NameOf(experimentName))?.Metadata.Uid;

    public string? RecurringRunId(string? name) =>
        string.IsNullOrEmpty(name) ? null : _recurringRuns.GetValueOrDefault(name)?.Metadata.Uid;

    public string? PipelineId(string? pipelineName) =>
        string.IsNullOrEmpty(pipelineName) ? null : _pipelines.GetValueOrDefault(pipelineName)?.Metadata.Uid;

    /// <summary>
    /// The ids of <c>spec.pipelineVersionRef</c> (names or uids), the version the run resolved to winning; null when the
    /// object runs an inline pipeline.
    /// </summary>
    public (string? PipelineId, string? VersionId)? Reference(JsonObject? spec, JsonObject? status)
    {
        if (KfpJson.Object(spec, "pipelineVersionRef") is not { } reference)
        {
            return null;
        }

        var resolved = KfpJson.Object(status, "pipelineVersion");
        var versionName = KfpJson.String(resolved, "name") ?? KfpJson.String(reference, "versionName");
        var version = versionName is null ? null : _versions.GetValueOrDefault(versionName);
        var versionId = KfpJson.String(resolved, "uid") ?? KfpJson.String(reference, "versionId") ?? version?.Metadata.Uid;
        var pipelineName = KfpJson.String(reference, "pipelineName") ?? KfpJson.String(version?.Spec, "pipelineName");
        var pipelineId = KfpJson.String(reference, "pipelineId") ?? PipelineId(pipelineName);
        if (pipelineId is null && versionId is not null)
        {
            var byId = _versions.Values.FirstOrDefault(v => v.Metadata.Uid == versionId);
            pipelineId = PipelineId(KfpJson.String(byId?.Spec, "pipelineName"));
        }

        return (pipelineId, versionId);
    }

    private static Dictionary<string, Resource> ByName(IReadOnlyList<Resource> items) =>
        items.Where(i => i.Metadata.Name is not null).ToDictionary(i => i.Metadata.Name!, StringComparer.Ordinal);
}
