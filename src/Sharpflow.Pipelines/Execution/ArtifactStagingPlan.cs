using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// The artifacts of one task whose stores have no local path (S3), each with the local path in the task's scratch
/// folder that stands for it: inputs are downloaded there before the process starts, outputs uploaded from there
/// after it succeeded. Empty when every artifact is local.
/// </summary>
internal sealed record ArtifactStagingPlan(IReadOnlyList<ArtifactStagingItem> Inputs, IReadOnlyList<ArtifactStagingItem> Outputs)
{
    public static ArtifactStagingPlan None { get; } = new([], []);

    public bool IsEmpty => Inputs.Count == 0 && Outputs.Count == 0;

    /// <summary>The task's <c>.path</c> placeholders: staged URIs map into the scratch folder, others as <paramref name="paths"/> does.</summary>
    public ArtifactPaths Paths(ArtifactPaths paths) =>
        IsEmpty ? paths : paths.WithStaged(Inputs.Concat(Outputs).ToDictionary(item => item.Uri, item => item.LocalPath, StringComparer.Ordinal));

    /// <summary>
    /// The task's <c>SHARPFLOW_ARTIFACT_MOUNTS</c>: the layout's prefixes plus each staged URI mapped to its local path, so
    /// that Python components (which map a URI to a path by its longest matching prefix) find the same files.
    /// </summary>
    public string MountsJson(string layoutMounts)
    {
        if (IsEmpty)
        {
            return layoutMounts;
        }

        var mounts = JsonNode.Parse(layoutMounts) as JsonObject ?? [];
        foreach (var item in Inputs.Concat(Outputs))
        {
            mounts[item.Uri] = item.LocalPath;
        }

        return mounts.ToJsonString();
    }
}
