using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>A Pipeline resource as KFP's <c>Pipeline</c>: <c>{pipeline_id, name, display_name, description, created_at, namespace, tags}</c>.</summary>
internal static class PipelineJson
{
    public static KfpListFields<Resource> Fields { get; } = new("pipelines", p => p.Metadata.Uid ?? string.Empty, new Dictionary<string, KfpField<Resource>>
    {
        ["pipeline_id"] = new(KfpValueKind.String, p => KfpValue.Of(p.Metadata.Uid)),
        ["id"] = new(KfpValueKind.String, p => KfpValue.Of(p.Metadata.Uid)),
        ["name"] = new(KfpValueKind.String, p => KfpValue.Of(p.Metadata.Name)),
        ["display_name"] = new(KfpValueKind.String, p => KfpValue.Of(KfpResourceFields.DisplayName(p))),
        ["description"] = new(KfpValueKind.String, p => KfpValue.Of(KfpResourceFields.SpecString(p, "description"))),
        ["created_at"] = new(KfpValueKind.Time, p => KfpValue.Of(p.Metadata.CreationTimestamp)),
        ["namespace"] = new(KfpValueKind.String, p => KfpValue.Of(p.Metadata.Namespace)),
    });

    public static JsonObject From(Resource pipeline)
    {
        var json = new JsonObject();
        KfpJson.Put(json, "pipeline_id", pipeline.Metadata.Uid);
        KfpJson.Put(json, "name", pipeline.Metadata.Name);
        KfpJson.Put(json, "display_name", KfpResourceFields.DisplayName(pipeline));
        KfpJson.Put(json, "description", KfpResourceFields.SpecString(pipeline, "description"));
        KfpJson.Put(json, "created_at", pipeline.Metadata.CreationTimestamp);
        KfpJson.Put(json, "namespace", pipeline.Metadata.Namespace);
        KfpJson.Put(json, "tags", KfpJson.Object(pipeline.Spec, "tags")?.DeepClone());
        return json;
    }
}
