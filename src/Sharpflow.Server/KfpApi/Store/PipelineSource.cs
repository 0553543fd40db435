using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>
/// What a run or recurring run executes, as read from its request: an inline compiled pipeline, or a stored version
/// (by <c>pipeline_version_reference</c>, or only a pipeline, whose newest version is chosen at creation).
/// </summary>
internal sealed record PipelineSource(JsonObject? Inline, Resource? Pipeline, Resource? Version)
{
    /// <summary>The namespace of the referenced pipeline, which the run must share; null for an inline pipeline.</summary>
    public string? Namespace => Version?.Metadata.Namespace ?? Pipeline?.Metadata.Namespace;

    /// <summary>Writes <c>pipelineSpec</c> or <c>pipelineVersionRef</c> (by names) into a Run or RecurringRun spec.</summary>
    public void ApplyTo(JsonObject spec)
    {
        if (Inline is not null)
        {
            spec["pipelineSpec"] = Inline.DeepClone();
            return;
        }

        var reference = new JsonObject { ["pipelineName"] = Pipeline!.Metadata.Name };
        if (Version is not null)
        {
            reference["versionName"] = Version.Metadata.Name;
        }

        spec["pipelineVersionRef"] = reference;
    }
}
