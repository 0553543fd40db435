using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sharpflow.Api.Resources;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>KFP's RecurringRunService over RecurringRun resources: create, get, list, delete, <c>:enable</c>, <c>:disable</c>.</summary>
internal sealed class KfpRecurringRunHandlers(KfpStore store, KfpAdmission admission, RunSettingsReader settings)
{
    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await KfpBody.ReadAsync(context.Request, context.RequestAborted);
        var maxConcurrency = KfpBody.Int64(body, "max_concurrency", string.Empty) ?? 1;
        if (maxConcurrency is < int.MinValue or > int.MaxValue)
        {
            throw KfpErrors.InvalidArgument("max_concurrency", $"{maxConcurrency}: must be between 1 and 10");
        }

        var trigger = TriggerReader.Read(KfpBody.Object(body, "trigger", string.Empty))
            ?? throw KfpErrors.InvalidArgument("trigger", "is required: set cron_schedule or periodic_schedule");
        var mode = Mode(KfpBody.Field(body, "mode"));
        var noCatchup = KfpBody.Bool(body, "no_catchup", string.Empty) ?? false;
        var recurring = await settings.ReadAsync(context, body, PipelineKinds.RecurringRun);

        var spec = recurring.Spec;
        spec["maxConcurrency"] = (int)maxConcurrency;
        spec["trigger"] = trigger;
        spec["mode"] = mode;
        spec["noCatchup"] = noCatchup;
        var kind = PipelineKinds.RecurringRun;
        // Its runs are named "{name}-{unix seconds}" and labelled with the name, so it leaves room for both.
        var baseName = KfpNames.From(recurring.DisplayName, "recurring-run");
        baseName = baseName.Length > 40 ? baseName[..40].TrimEnd('-') : baseName;
        var resource = new Resource
        {
            ApiVersion = kind.ApiVersion,
            Kind = kind.Kind,
            Metadata = new ObjectMeta { Name = baseName, Namespace = recurring.Namespace },
            Spec = spec,
        };
        await admission.EnsureNamespaceAsync(kind, recurring.Namespace, context.RequestAborted);
        admission.Validate(kind, resource);
        var created = await KfpNames.CreateUniqueAsync(store.Inner, resource, baseName, context.RequestAborted);
        var index = await KfpIndex.LoadAsync(store, recurring.Namespace, context.RequestAborted);
        return KfpJson.Result(RecurringRunJson.From(RecurringRunView.Of(created, index)));
    }

    public async Task<IResult> GetAsync(HttpContext context, string recurringRunId)
    {
        var recurring = await store.GetByIdAsync(context, PipelineKinds.RecurringRun, recurringRunId, "get");
        var index = await KfpIndex.LoadAsync(store, recurring.Metadata.Namespace!, context.RequestAborted);
        return KfpJson.Result(RecurringRunJson.From(RecurringRunView.Of(recurring, index)));
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var request = KfpListRequest<RecurringRunView>.Read(context.Request, RecurringRunJson.Fields);
        var scope = await KfpListScope.LoadAsync(store, context, PipelineKinds.RecurringRun);
        var views = scope.Items.Select(r => RecurringRunView.Of(r, scope.Index)).Where(v => scope.Includes(v.ExperimentId));

        var page = KfpPage<RecurringRunView>.Of(views, request, RecurringRunJson.Fields);
        return KfpJson.Result(KfpJson.List(RecurringRunJson.ListName, page.Items.Select(RecurringRunJson.From), page.TotalSize, page.NextPageToken));
    }

    public async Task<IResult> DeleteAsync(HttpContext context, string recurringRunId)
    {
        var recurring = await store.GetByIdAsync(context, PipelineKinds.RecurringRun, recurringRunId, "delete");
        await store.DeleteAsync(recurring, context.RequestAborted);
        return KfpJson.Empty();
    }

    public async Task<IResult> ActAsync(HttpContext context, string segment)
    {
        var (recurringRunId, verb) = KfpAction.Split(segment, "recurringruns", "enable", "disable");
        var recurring = await store.GetByIdAsync(context, PipelineKinds.RecurringRun, recurringRunId, "update");
        var mode = verb == "enable" ? RecurringRunView.Enable : RecurringRunView.Disable;
        await store.UpdateSpecAsync(recurring, spec => spec["mode"] = mode, context.RequestAborted);
        return KfpJson.Empty();
    }

    /// <summary>The <c>Mode</c> enum by name or number; unspecified means ENABLE, as KFP creates recurring runs enabled.</summary>
    private static string Mode(JsonNode? mode)
    {
        if (mode is null)
        {
            return RecurringRunView.Enable;
        }

        if (mode is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.String)
            {
                switch (value.GetValue<string>().ToUpperInvariant())
                {
                    case "ENABLE" or "MODE_UNSPECIFIED" or "":
                        return RecurringRunView.Enable;
                    case "DISABLE":
                        return RecurringRunView.Disable;
                }
            }
            else if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number is >= 0 and <= 2)
            {
                return number == 2 ? RecurringRunView.Disable : RecurringRunView.Enable;
            }
        }

        throw KfpErrors.InvalidArgument("mode", $"{mode.ToJsonString()} is not a mode: use ENABLE or DISABLE");
    }
}
