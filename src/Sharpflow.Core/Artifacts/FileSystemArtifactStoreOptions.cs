namespace Sharpflow.Core.Artifacts;

/// <summary>Where the filesystem artifact store keeps files.</summary>
public sealed class FileSystemArtifactStoreOptions
{
    /// <summary>Required: the artifact folder, <c>&lt;data directory&gt;/artifacts</c> on a Sharpflow server.</summary>
    public string? Root { get; set; }
}
