using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Listing;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>
/// A PipelineVersion resource as KFP's <c>PipelineVersion</c>. <c>pipeline_spec</c> is the compiled pipeline, or
/// <c>{pipeline_spec, platform_spec}</c> when the package had a platforms document, as KFP returns it.
/// </summary>
internal static class PipelineVersionJson
{
    public static KfpListFields<Resource> Fields { get; } = new("pipeline_versions", v => v.Metadata.Uid ?? string.Empty, new Dictionary<string, KfpField<Resource>>
    {
        ["pipeline_version_id"] = new(KfpValueKind.String, v => KfpValue.Of(v.Metadata.Uid)),
        ["id"] = new(KfpValueKind.String, v => KfpValue.Of(v.Metadata.Uid)),
        ["name"] = new(KfpValueKind.String, v => KfpValue.Of(v.Metadata.Name)),
        ["display_name"] = new(KfpValueKind.String, v => KfpValue.Of(KfpResourceFields.DisplayName(v))),
        ["description"] = new(KfpValueKind.String, v => KfpValue.Of(KfpResourceFields.SpecString(v, "description"))),
        ["created_at"] = new(KfpValueKind.Time, v => KfpValue.Of(v.Metadata.CreationTimestamp)),
    });

    public static JsonObject From(Resource version, string? pipelineId)
    {
        var json = new JsonObject();
        KfpJson.Put(json, "pipeline_id", pipelineId);
        KfpJson.Put(json, "pipeline_version_id", version.Metadata.Uid);
        KfpJson.Put(json, "name", version.Metadata.Name);
        KfpJson.Put(json, "display_name", KfpResourceFields.DisplayName(version));
        KfpJson.Put(json, "description", KfpResourceFields.SpecString(version, "description"));
        KfpJson.Put(json, "created_at", version.Metadata.CreationTimestamp);
        if (KfpResourceFields.SpecString(version, "packageUrl") is { Length: > 0 } url)
        {
            json["package_url"] = new JsonObject { ["pipeline_url"] = url };
        }

        KfpJson.Put(json, "code_source_url", KfpResourceFields.SpecString(version, "codeSourceUrl"));
        KfpJson.Put(json, "pipeline_spec", PipelineSpecOf(version.Spec));
        return json;
    }

    /// <summary>The stored pipeline of a version, run or recurring run, wrapped with its platform document when it has one.</summary>
    public static JsonNode? PipelineSpecOf(JsonObject? spec)
    {
        if (KfpJson.Object(spec, "pipelineSpec") is not { } pipeline)
        {
            return null;
        }

        return KfpJson.Object(spec, "platformSpec") is { } platform
            ? new JsonObject { ["pipeline_spec"] = pipeline.DeepClone(), ["platform_spec"] = platform.DeepClone() }
            : pipeline.DeepClone();
    }
}
