namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Which images' <c>sh</c> is not a POSIX-only shell like Debian's dash. busybox and Alpine images (ash) and Red Hat's
/// UBI images (bash) accept bash syntax such as <c>[[ ]]</c>, and scripts written for them use it; without a
/// configured entry their <c>sh</c> runs as the host's <c>bash</c>, the closest shell a Debian host has. Every other
/// image runs <c>sh</c> as the host's, as Debian-based images (python, debian, ubuntu) do.
/// </summary>
internal static class ImageShells
{
    public static LocalImageOptions? Find(string image, string repository) =>
        HasBashLikeShell(image, repository)
            ? new LocalImageOptions { Image = repository, Executables = { ["sh"] = "bash" } }
            : null;

    private static bool HasBashLikeShell(string image, string repository)
    {
        var names = repository.Split('/');

        // A first part with '.' or ':' (or "localhost") is a registry host, not a name: "ghcr.io/containerd/busybox".
        var skip = names.Length > 1 && (names[0].Contains('.') || names[0].Contains(':') || names[0] == "localhost") ? 1 : 0;
        var tag = image.Length > repository.Length ? image[repository.Length..] : string.Empty;
        return names.Skip(skip).Any(name => name is "busybox" or "alpine" || IsUbi(name))
            || tag.Contains("alpine", StringComparison.Ordinal);
    }

    /// <summary>ubi8, ubi9, ubi10 and their -minimal / -micro variants.</summary>
    private static bool IsUbi(string name) =>
        name.StartsWith("ubi", StringComparison.Ordinal) && name.Length > 3 && char.IsAsciiDigit(name[3]);
}
