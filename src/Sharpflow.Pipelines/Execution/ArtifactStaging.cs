using Microsoft.Extensions.Logging;
using Sharpflow.Core.Artifacts;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

/// <summary>
/// Moves a task's artifacts between stores without local paths (S3) and its scratch folder, as KFP's launcher does
/// inside the pod: <see cref="PrepareAsync"/> downloads the inputs (a file, or every object of a directory) and creates
/// the outputs' folders before the process starts; <see cref="UploadAsync"/> uploads each output the process wrote (a
/// file or a whole directory, replacing what an earlier attempt left) once it succeeded. Staged artifacts live at
/// <c>&lt;scratch&gt;/artifacts/&lt;scheme&gt;/&lt;bucket&gt;/&lt;key&gt;</c>. See the partial file for the transfers.
/// </summary>
internal sealed partial class ArtifactStaging(ArtifactStoreResolver artifacts, ILogger logger)
{
    public const string FolderName = "artifacts";

    /// <summary>Which of the executor input's artifacts to stage, and where.</summary>
    /// <exception cref="LaunchException">An artifact URI would leave the scratch folder.</exception>
    public ArtifactStagingPlan Plan(ExecutorInput input, string scratch)
    {
        var inputs = Staged(input.Artifacts, scratch);
        var outputs = Staged(input.OutputArtifacts, scratch);
        return inputs.Count == 0 && outputs.Count == 0 ? ArtifactStagingPlan.None : new ArtifactStagingPlan(inputs, outputs);
    }

    private List<ArtifactStagingItem> Staged(IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> artifactsByName, string scratch)
    {
        var staged = new List<ArtifactStagingItem>();
        foreach (var (name, list) in artifactsByName)
        {
            foreach (var artifact in list)
            {
                if (artifact.Uri.Length > 0 && IsRemote(artifact.Uri) && !staged.Any(s => s.Uri == artifact.Uri))
                {
                    staged.Add(new ArtifactStagingItem(name, artifact.Uri, LocalPathFor(artifact.Uri, scratch)));
                }
            }
        }

        return staged;
    }

    /// <summary>Whether a store serves the URI but has no local path for it; URIs no store serves are left to <see cref="ArtifactPaths"/>.</summary>
    private bool IsRemote(string uri)
    {
        try
        {
            return artifacts.For(uri).LocalPath(uri) is null;
        }
        catch (ArtifactStoreException)
        {
            return false;
        }
    }

    /// <summary><c>minio://bucket/a/b</c> becomes <c>&lt;scratch&gt;/artifacts/minio/bucket/a/b</c>.</summary>
    private static string LocalPathFor(string uri, string scratch)
    {
        var root = Path.GetFullPath(Path.Join(scratch, FolderName));
        var separator = uri.IndexOf("://", StringComparison.Ordinal);
        var relative = separator < 0 ? uri : $"{uri[..separator]}/{uri[(separator + 3)..]}";
        var path = Path.GetFullPath(Path.Join(root, relative.TrimEnd('/')));
        return path.StartsWith(root + "/", StringComparison.Ordinal)
            ? path
            : throw new LaunchException($"the artifact URI \"{uri}\" cannot be staged: it leaves its bucket");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Downloaded {Count} object(s) of input artifact {Name} from {Uri} to {Path}")]
    private static partial void LogDownloaded(ILogger logger, int count, string name, string uri, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploaded {Count} file(s) of output artifact {Name} from {Path} to {Uri}")]
    private static partial void LogUploaded(ILogger logger, int count, string name, string path, string uri);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Output artifact {Name} was not written at {Path}; nothing is uploaded to {Uri}")]
    private static partial void LogNotWritten(ILogger logger, string name, string path, string uri);
}
