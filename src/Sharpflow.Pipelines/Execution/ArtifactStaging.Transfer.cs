using Sharpflow.Core.Artifacts;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

internal sealed partial class ArtifactStaging
{
    /// <summary>Objects of one directory artifact moved at the same time.</summary>
    private const int Parallelism = 8;

    /// <summary>Downloads the staged inputs into the scratch folder and creates the folders the staged outputs go in.</summary>
    /// <exception cref="LaunchException">An input cannot be downloaded; the message names it and what to check.</exception>
    public async Task PrepareAsync(ArtifactStagingPlan plan, CancellationToken cancellationToken)
    {
        foreach (var item in plan.Inputs)
        {
            try
            {
                await DownloadAsync(item, cancellationToken);
            }
            catch (Exception e) when (e is ArtifactStoreException or IOException or UnauthorizedAccessException)
            {
                throw new LaunchException($"input artifact \"{item.Name}\" cannot be downloaded from {item.Uri}: {e.Message}", e);
            }
        }

        foreach (var item in plan.Outputs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(item.LocalPath)!);
        }
    }

    /// <summary>Uploads each staged output the process wrote: a file, or every file below a directory. An output not written is skipped, as in KFP.</summary>
    /// <exception cref="LaunchException">An output cannot be uploaded; the message names it and what to check.</exception>
    public async Task UploadAsync(ArtifactStagingPlan plan, CancellationToken cancellationToken)
    {
        foreach (var item in plan.Outputs)
        {
            try
            {
                await UploadAsync(item, cancellationToken);
            }
            catch (Exception e) when (e is ArtifactStoreException or IOException or UnauthorizedAccessException)
            {
                throw new LaunchException($"output artifact \"{item.Name}\" cannot be uploaded to {item.Uri}: {e.Message}", e);
            }
        }
    }

    private async Task DownloadAsync(ArtifactStagingItem item, CancellationToken cancellationToken)
    {
        var store = artifacts.For(item.Uri);
        var root = item.Uri.TrimEnd('/');
        var objects = await store.ListAsync(item.Uri, cancellationToken);
        await Parallel.ForEachAsync(
            objects,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                var target = entry.Uri == root ? item.LocalPath : Below(item.LocalPath, entry.Uri[(root.Length + 1)..], entry.Uri);
                if (entry.Uri.EndsWith('/'))
                {
                    Directory.CreateDirectory(target); // a folder marker object
                    return;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var source = await store.OpenReadAsync(entry.Uri, token)
                    ?? throw new ArtifactStoreException($"\"{entry.Uri}\" was listed but is gone");
                await using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await source.CopyToAsync(file, token);
            });
        LogDownloaded(logger, objects.Count, item.Name, item.Uri, item.LocalPath);
    }

    private async Task UploadAsync(ArtifactStagingItem item, CancellationToken cancellationToken)
    {
        var store = artifacts.For(item.Uri);
        var root = item.Uri.TrimEnd('/');
        IReadOnlyList<(string Path, string Uri)> files;
        if (File.Exists(item.LocalPath))
        {
            files = [(item.LocalPath, root)];
        }
        else if (Directory.Exists(item.LocalPath))
        {
            files = [.. Directory.EnumerateFiles(item.LocalPath, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => (path, root + "/" + Path.GetRelativePath(item.LocalPath, path).Replace('\\', '/')))];
        }
        else
        {
            LogNotWritten(logger, item.Name, item.LocalPath, item.Uri);
            return;
        }

        // The URI is the execution's own: whatever is there came from an earlier attempt and is replaced as a whole.
        await store.DeleteAsync(root, cancellationToken);
        await Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                await using var content = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await store.WriteAsync(file.Uri, content, token);
            });
        LogUploaded(logger, files.Count, item.Name, item.LocalPath, item.Uri);
    }

    /// <summary>A path below <paramref name="folder"/> for an object's relative key; never outside it.</summary>
    private static string Below(string folder, string relative, string uri)
    {
        var path = Path.GetFullPath(Path.Join(folder, relative));
        return path.StartsWith(folder + "/", StringComparison.Ordinal)
            ? path
            : throw new ArtifactStoreException($"the object \"{uri}\" would be written outside the artifact's folder");
    }
}
