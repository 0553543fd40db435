using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>
/// KFP's ExperimentService over Experiment resources. Display names are unique in a namespace (as in KFP); archiving
/// an experiment archives its runs and disables its recurring runs, unarchiving restores only the experiment.
/// </summary>
internal sealed class KfpExperimentHandlers(KfpStore store, KfpAdmission admission)
{
    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await KfpBody.ReadAsync(context.Request, context.RequestAborted);
        var displayName = KfpBody.String(body, "display_name", string.Empty);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw KfpErrors.InvalidArgument("display_name", "is required: name the experiment");
        }

        var description = KfpBody.String(body, "description", string.Empty);
        var ns = KfpNamespaces.Resolve(KfpBody.String(body, "namespace", string.Empty) ?? KfpQuery.String(context.Request, "namespace"));
        var kind = PipelineKinds.Experiment;
        await KfpStore.AuthorizeAsync(context, "create", kind, ns);
        var existing = await store.ListAsync(kind, ns, context.RequestAborted);
        if (existing.Any(e => KfpResourceFields.DisplayName(e) == displayName))
        {
            throw KfpErrors.AlreadyExists($"an experiment named \"{displayName}\" already exists in namespace \"{ns}\"");
        }

        var baseName = KfpNames.From(displayName, "experiment");
        var spec = new System.Text.Json.Nodes.JsonObject { ["displayName"] = displayName, ["storageState"] = KfpStorageStates.Available };
        if (!string.IsNullOrEmpty(description))
        {
            spec["description"] = description;
        }

        var resource = new Resource
        {
            ApiVersion = kind.ApiVersion,
            Kind = kind.Kind,
            Metadata = new ObjectMeta { Name = baseName, Namespace = ns },
            Spec = spec,
        };
        await admission.EnsureNamespaceAsync(kind, ns, context.RequestAborted);
        admission.Validate(kind, resource);
        var created = await KfpNames.CreateUniqueAsync(store.Inner, resource, baseName, context.RequestAborted);
        return KfpJson.Result(ExperimentJson.From(new ExperimentView(created, null)));
    }

    public async Task<IResult> GetAsync(HttpContext context, string experimentId)
    {
        var experiment = await store.GetByIdAsync(context, PipelineKinds.Experiment, experimentId, "get");
        var runs = await store.ListAsync(PipelineKinds.Run, experiment.Metadata.Namespace, context.RequestAborted);
        return KfpJson.Result(ExperimentJson.From(new ExperimentView(experiment, LastRunCreated(runs, experiment.Metadata.Name!))));
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var request = KfpListRequest<ExperimentView>.Read(context.Request, ExperimentJson.Fields);
        var ns = KfpNamespaces.Resolve(KfpQuery.String(context.Request, "namespace"));
        await KfpStore.AuthorizeAsync(context, "list", PipelineKinds.Experiment, ns);
        var experiments = await store.ListAsync(PipelineKinds.Experiment, ns, context.RequestAborted);
        var runs = await store.ListAsync(PipelineKinds.Run, ns, context.RequestAborted);
        var lastRuns = runs
            .GroupBy(r => KfpExperiments.NameOf(KfpResourceFields.SpecString(r, "experimentName")), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Metadata.CreationTimestamp), StringComparer.Ordinal);
        var views = experiments.Select(e => new ExperimentView(e, lastRuns.GetValueOrDefault(e.Metadata.Name!)));
        var page = KfpPage<ExperimentView>.Of(views, request, ExperimentJson.Fields);
        return KfpJson.Result(KfpJson.List("experiments", page.Items.Select(ExperimentJson.From), page.TotalSize, page.NextPageToken));
    }

    public async Task<IResult> DeleteAsync(HttpContext context, string experimentId)
    {
        var experiment = await store.GetByIdAsync(context, PipelineKinds.Experiment, experimentId, "delete");
        await store.DeleteAsync(experiment, context.RequestAborted);
        return KfpJson.Empty();
    }

    public async Task<IResult> ActAsync(HttpContext context, string segment)
    {
        var (experimentId, verb) = KfpAction.Split(segment, "experiments", "archive", "unarchive");
        var experiment = await store.GetByIdAsync(context, PipelineKinds.Experiment, experimentId, "update");
        var archive = verb == "archive";
        await store.UpdateSpecAsync(
            experiment, spec => spec["storageState"] = archive ? KfpStorageStates.Archived : KfpStorageStates.Available, context.RequestAborted);
        if (archive)
        {
            await ArchiveContentsAsync(context, experiment);
        }

        return KfpJson.Empty();
    }

    private async Task ArchiveContentsAsync(HttpContext context, Resource experiment)
    {
        var ns = experiment.Metadata.Namespace!;
        var name = experiment.Metadata.Name!;
        bool InExperiment(Resource r) => KfpExperiments.NameOf(KfpResourceFields.SpecString(r, "experimentName")) == name;
        foreach (var run in (await store.ListAsync(PipelineKinds.Run, ns, context.RequestAborted)).Where(InExperiment))
        {
            if (KfpResourceFields.SpecString(run, "storageState") != KfpStorageStates.Archived)
            {
                await KfpStore.AuthorizeAsync(context, "update", PipelineKinds.Run, ns, run.Metadata.Name);
                await store.UpdateSpecAsync(run, spec => spec["storageState"] = KfpStorageStates.Archived, context.RequestAborted);
            }
        }

        foreach (var recurring in (await store.ListAsync(PipelineKinds.RecurringRun, ns, context.RequestAborted)).Where(InExperiment))
        {
            if (KfpResourceFields.SpecString(recurring, "mode") != RecurringRunView.Disable)
            {
                await KfpStore.AuthorizeAsync(context, "update", PipelineKinds.RecurringRun, ns, recurring.Metadata.Name);
                await store.UpdateSpecAsync(recurring, spec => spec["mode"] = RecurringRunView.Disable, context.RequestAborted);
            }
        }
    }

    private static DateTimeOffset? LastRunCreated(IEnumerable<Resource> runs, string experimentName) =>
        runs.Where(r => KfpExperiments.NameOf(KfpResourceFields.SpecString(r, "experimentName")) == experimentName)
            .Max(r => r.Metadata.CreationTimestamp);
}
