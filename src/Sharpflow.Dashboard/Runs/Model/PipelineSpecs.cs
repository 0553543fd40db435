using System.Text.Json.Nodes;

namespace Sharpflow.Dashboard.Runs.Model;

/// <summary>Where a run's pipeline IR (the compiled PipelineSpec) is found.</summary>
internal static class PipelineSpecs
{
    /// <summary>
    /// <c>spec.pipelineSpec</c> of a Run or PipelineVersion: the IR itself, or the REST wrapper
    /// <c>{pipeline_spec, platform_spec}</c> that the API also accepts.
    /// </summary>
    public static JsonObject? FromRunSpec(JsonNode? spec)
    {
        if (spec?["pipelineSpec"] is not JsonObject pipelineSpec)
        {
            return null;
        }

        return (pipelineSpec["pipeline_spec"] ?? pipelineSpec["pipelineSpec"]) as JsonObject ?? pipelineSpec;
    }

    /// <summary>The PipelineVersion a run executes (<c>status.pipelineVersion.name</c>), when its spec has no inline IR.</summary>
    public static string? VersionName(JsonNode? status) => JsonRead.Text(status?["pipelineVersion"], "name");
}
