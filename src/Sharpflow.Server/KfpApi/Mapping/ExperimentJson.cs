using System.Text.Json.Nodes;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>An Experiment resource as KFP's <c>Experiment</c>.</summary>
internal static class ExperimentJson
{
    public static KfpListFields<ExperimentView> Fields { get; } = new("experiments", e => e.Experiment.Metadata.Uid ?? string.Empty, new Dictionary<string, KfpField<ExperimentView>>
    {
        ["experiment_id"] = new(KfpValueKind.String, e => KfpValue.Of(e.Experiment.Metadata.Uid)),
        ["id"] = new(KfpValueKind.String, e => KfpValue.Of(e.Experiment.Metadata.Uid)),
        ["display_name"] = new(KfpValueKind.String, e => KfpValue.Of(KfpResourceFields.DisplayName(e.Experiment))),
        ["name"] = new(KfpValueKind.String, e => KfpValue.Of(KfpResourceFields.DisplayName(e.Experiment))),
        ["description"] = new(KfpValueKind.String, e => KfpValue.Of(KfpResourceFields.SpecString(e.Experiment, "description"))),
        ["created_at"] = new(KfpValueKind.Time, e => KfpValue.Of(e.Experiment.Metadata.CreationTimestamp)),
        ["namespace"] = new(KfpValueKind.String, e => KfpValue.Of(e.Experiment.Metadata.Namespace)),
        ["storage_state"] = new(KfpValueKind.String, e => KfpValue.Of(StorageState(e)), KfpListFields<ExperimentView>.EnumValue),
        ["last_run_created_at"] = new(KfpValueKind.Time, e => KfpValue.Of(e.LastRunCreatedAt)),
    });

    public static JsonObject From(ExperimentView view)
    {
        var experiment = view.Experiment;
        var json = new JsonObject();
        KfpJson.Put(json, "experiment_id", experiment.Metadata.Uid);
        KfpJson.Put(json, "display_name", KfpResourceFields.DisplayName(experiment));
        KfpJson.Put(json, "description", KfpResourceFields.SpecString(experiment, "description"));
        KfpJson.Put(json, "created_at", experiment.Metadata.CreationTimestamp);
        KfpJson.Put(json, "namespace", experiment.Metadata.Namespace);
        KfpJson.Put(json, "storage_state", StorageState(view));
        KfpJson.Put(json, "last_run_created_at", view.LastRunCreatedAt);
        return json;
    }

    private static string StorageState(ExperimentView view) =>
        KfpResourceFields.SpecString(view.Experiment, "storageState") is { Length: > 0 } state ? state : KfpStorageStates.Available;
}
