using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Makes volumes reachable without a container: the host directory is created if missing; a mount path inside the
/// working directory (relative, or absolute under it) becomes a symlink to it; every volume is also exported as
/// <c>SHARPFLOW_VOLUME_&lt;NAME&gt;</c>. Mount paths elsewhere (e.g. <c>/data</c>) are not touched on the host, so such
/// a workload must read the variable. ReadOnly cannot be enforced by a symlink and is not.
/// </summary>
internal static class VolumeMounter
{
    /// <summary>Creates the links and returns volume name → host path.</summary>
    public static IReadOnlyDictionary<string, string> Mount(IReadOnlyList<WorkloadVolume> volumes, string workingDirectory)
    {
        var exported = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in volumes)
        {
            var hostPath = Path.GetFullPath(volume.HostPath);
            try
            {
                Directory.CreateDirectory(hostPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new WorkloadLaunchException($"volume \"{volume.Name}\": host path {hostPath} cannot be created: {ex.Message}", ex);
            }

            if (LinkPath(volume.MountPath, workingDirectory) is { } link)
            {
                Link(volume.Name, link, hostPath);
            }

            exported[volume.Name] = hostPath;
        }

        return exported;
    }

    private static string? LinkPath(string mountPath, string workingDirectory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mountPath, root));
        return full.StartsWith(root + "/", StringComparison.Ordinal) ? full : null;
    }

    private static void Link(string name, string link, string hostPath)
    {
        var existing = new FileInfo(link);
        if (existing.LinkTarget is not null)
        {
            existing.Delete();
        }
        else if (existing.Exists || Directory.Exists(link))
        {
            throw new WorkloadLaunchException(
                $"volume \"{name}\" cannot be mounted at {link}: a file or directory already exists there; choose another mountPath.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, hostPath);
    }
}
