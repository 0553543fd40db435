using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Resources;

/// <summary>A run's pipeline parameters (JSON values by input name) and where its artifacts go.</summary>
public sealed record RuntimeConfig
{
    public JsonObject? Parameters { get; init; }

    /// <summary>
    /// The artifact root, e.g. <c>s3://bucket/prefix</c> or an absolute path. Defaults to the pipeline's
    /// <c>defaultPipelineRoot</c>, then to the server's (<c>&lt;data directory&gt;/artifacts/pipelines</c>).
    /// </summary>
    public string? PipelineRoot { get; init; }
}
