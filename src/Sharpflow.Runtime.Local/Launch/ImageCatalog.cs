namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Finds the local environment of an image: the configured entry for the exact name first, then for the name without
/// tag or digest, then what the runtime knows of the image's shell (<see cref="ImageShells"/>).
/// </summary>
internal static class ImageCatalog
{
    public static LocalImageOptions? Find(IReadOnlyList<LocalImageOptions> images, string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return null;
        }

        var exact = images.FirstOrDefault(entry => string.Equals(entry.Image, image, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var repository = Repository(image);
        return images.FirstOrDefault(entry => string.Equals(entry.Image, repository, StringComparison.Ordinal))
            ?? ImageShells.Find(image, repository);
    }

    /// <summary>"ghcr.io/org/img" for "ghcr.io/org/img:1.0" or "...@sha256:..."; a ':' before the last '/' is a registry port.</summary>
    private static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            image = image[..at];
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[..colon] : image;
    }
}
