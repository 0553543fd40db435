using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's RunService over Run resources: create, get (with task details from the execution store), list, delete.</summary>
internal sealed class KfpRunHandlers(KfpStore store, KfpAdmission admission, RunSettingsReader settings, IExecutionStore executions)
{
    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await KfpBody.ReadAsync(context.Request, context.RequestAborted);
        var run = await settings.ReadAsync(context, body, PipelineKinds.Run);
        var kind = PipelineKinds.Run;
        var baseName = KfpNames.From(run.DisplayName, "run");
        var resource = new Resource
        {
            ApiVersion = kind.ApiVersion,
            Kind = kind.Kind,
            Metadata = new ObjectMeta { Name = baseName, Namespace = run.Namespace },
            Spec = run.Spec,
        };
        await admission.EnsureNamespaceAsync(kind, run.Namespace, context.RequestAborted);
        admission.Validate(kind, resource);
        var created = await KfpNames.CreateUniqueAsync(store.Inner, resource, baseName, context.RequestAborted);
        var index = await KfpIndex.LoadAsync(store, run.Namespace, context.RequestAborted);
        return KfpJson.Result(RunJson.From(RunView.Of(created, index)));
    }

    public async Task<IResult> GetAsync(HttpContext context, string runId)
    {
        var run = await store.GetByIdAsync(context, PipelineKinds.Run, runId, "get");
        var index = await KfpIndex.LoadAsync(store, run.Metadata.Namespace!, context.RequestAborted);
        var tasks = await executions.ListByRunAsync(run.Metadata.Uid!, context.RequestAborted);
        return KfpJson.Result(RunJson.From(RunView.Of(run, index), tasks));
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var request = KfpListRequest<RunView>.Read(context.Request, RunJson.Fields);
        var scope = await KfpListScope.LoadAsync(store, context, PipelineKinds.Run);
        var views = scope.Items.Select(r => RunView.Of(r, scope.Index)).Where(v => scope.Includes(v.ExperimentId));

        var page = KfpPage<RunView>.Of(views, request, RunJson.Fields);
        return KfpJson.Result(KfpJson.List("runs", page.Items.Select(v => RunJson.From(v)), page.TotalSize, page.NextPageToken));
    }

    public async Task<IResult> DeleteAsync(HttpContext context, string runId)
    {
        var run = await store.GetByIdAsync(context, PipelineKinds.Run, runId, "delete");
        await store.DeleteAsync(run, context.RequestAborted);
        return KfpJson.Empty();
    }

    /// <summary><c>:terminate</c>, <c>:retry</c>, <c>:archive</c> and <c>:unarchive</c>, as writes of the run's lifecycle fields.</summary>
    public async Task<IResult> ActAsync(HttpContext context, string segment)
    {
        var (runId, verb) = KfpAction.Split(segment, "runs", "terminate", "retry", "archive", "unarchive");
        var run = await store.GetByIdAsync(context, PipelineKinds.Run, runId, "update");
        var state = KfpJson.String(run.Status, "state");
        switch (verb)
        {
            case "terminate" when !RunStates.IsFinal(state):
                await store.UpdateSpecAsync(run, spec => spec["terminate"] = true, context.RequestAborted);
                break;
            case "retry":
                await RetryAsync(run, runId, state, context.RequestAborted);
                break;
            case "archive" or "unarchive":
                var storageState = verb == "archive" ? KfpStorageStates.Archived : KfpStorageStates.Available;
                await store.UpdateSpecAsync(run, spec => spec["storageState"] = storageState, context.RequestAborted);
                break;
        }

        return KfpJson.Empty();
    }

    /// <summary>Asks the engine to run the failed or canceled parts again; any other state is refused as KFP refuses it.</summary>
    private async Task RetryAsync(Resource run, string runId, string? state, CancellationToken cancellationToken)
    {
        if (!RunStates.IsRetryable(state))
        {
            throw KfpErrors.InvalidArgument(
                "run_id", $"run \"{runId}\" is {state ?? RunStates.Pending}: only a FAILED or CANCELED run can be retried");
        }

        var retries = KfpJson.Int64(run.Status?["retries"]) ?? 0;
        await store.UpdateSpecAsync(run, spec =>
        {
            spec["retry"] = retries + 1;
            spec["terminate"] = false;
        }, cancellationToken);
    }
}
