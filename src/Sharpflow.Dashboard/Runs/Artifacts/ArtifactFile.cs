namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>A file of a directory artifact, as the artifact endpoint lists them.</summary>
public sealed record ArtifactFile(string Path, long Size);
