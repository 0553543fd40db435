using Sharpflow.Pipelines.Artifacts;
using Sharpflow.Pipelines.Engine;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Execution;

/// <summary>The files around one attempt: a clean scratch folder before it, its outputs after it.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Empties the scratch folder and creates the folders output files and artifacts are written in, as KFP's launcher
    /// does: artifacts staged for S3 in the scratch folder, the others where their store keeps them.
    /// </summary>
    public static void Prepare(ContainerRun container, PipelineArtifactLayout layout, ArtifactStagingPlan staged)
    {
        if (Directory.Exists(container.Scratch))
        {
            Directory.Delete(container.Scratch, recursive: true);
        }

        Directory.CreateDirectory(container.Scratch);
        var input = container.LaunchInput;
        foreach (var file in input.OutputParameterFiles.Values)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        var paths = staged.Paths(layout.Paths);
        foreach (var artifact in input.OutputArtifacts.Values.SelectMany(list => list))
        {
            var path = paths.LocalPath(artifact.Uri);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>Reads the attempt's output parameters and executor output, and names each produced artifact by its identity.</summary>
    public static NodeOutputs Collect(ContainerRun container, Ir.ComponentSpec component)
    {
        var outputs = TaskOutputCollector.Collect(container.LaunchInput, component, path => File.Exists(path) ? File.ReadAllText(path) : null);
        return new NodeOutputs
        {
            Parameters = outputs.Parameters,
            Artifacts = outputs.Artifacts.ToDictionary(
                entry => entry.Key,
                entry => (IReadOnlyList<RuntimeArtifact>)[.. entry.Value.Select(a => a with { Name = ArtifactIds.ForUri(a.Uri) })],
                StringComparer.Ordinal),
        };
    }
}
