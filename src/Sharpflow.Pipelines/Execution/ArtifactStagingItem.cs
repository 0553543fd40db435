namespace Sharpflow.Pipelines.Execution;

/// <summary>One artifact of a task staged through its scratch folder: the input or output name, its URI and the local path that stands for it.</summary>
internal sealed record ArtifactStagingItem(string Name, string Uri, string LocalPath);
