using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Artifacts;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Artifacts;

/// <summary>
/// Where a local engine keeps a run's files. Artifacts live under the pipeline root, by default the plain path
/// <c>&lt;data&gt;/artifacts/pipelines</c>, so that <c>.uri</c> and <c>.path</c> are the same string for shell
/// components and for Python ones (the kfp SDK treats a scheme-less URI as its own path). Runs whose root is
/// <c>gs://</c>, <c>s3://</c> or <c>minio://</c> keep those URIs: <c>.path</c> then points into the filesystem
/// store's mirror (<c>&lt;data&gt;/artifacts/remote/{gcs,s3,minio}/</c>), and Python components are told the same
/// mapping through <c>SHARPFLOW_ARTIFACT_MOUNTS</c>. Each task execution also gets a scratch folder for its output
/// parameter files and executor output: <c>&lt;data&gt;/pipelines/&lt;run uid&gt;/&lt;execution salt&gt;/</c>.
/// </summary>
internal sealed class PipelineArtifactLayout
{
    public const string MountsVariable = "SHARPFLOW_ARTIFACT_MOUNTS";

    public PipelineArtifactLayout(IOptions<PipelineEngineOptions> options, FileSystemArtifactStore store)
    {
        var dataDirectory = options.Value.DataDirectory
            ?? throw new InvalidOperationException("PipelineEngineOptions.DataDirectory is required.");
        ScratchRoot = Path.Join(Path.GetFullPath(dataDirectory), "pipelines");
        DefaultPipelineRoot = options.Value.DefaultPipelineRoot ?? Path.Join(store.Root, "pipelines");
        Paths = new ArtifactPaths(store.MirrorRoot);
        MountsJson = JsonSerializer.Serialize(new JsonObject(store.Mounts.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))));
    }

    public string ScratchRoot { get; }

    public string DefaultPipelineRoot { get; }

    /// <summary>Local paths of artifact URIs, agreeing with the filesystem store's mirror.</summary>
    public ArtifactPaths Paths { get; }

    /// <summary>The value of <see cref="MountsVariable"/> given to every task.</summary>
    public string MountsJson { get; }

    public string RunScratch(string runUid) => Path.Join(ScratchRoot, runUid);

    public string TaskScratch(string runUid, string salt) => Path.Join(ScratchRoot, runUid, salt);
}
