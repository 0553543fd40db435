using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Launch;

/// <summary>Puts a task's resolved inputs together with where its outputs go.</summary>
internal static class ExecutorInputFactory
{
    /// <param name="taskRoot">A directory of the execution's own: output parameter files go to <c>outputs/&lt;name&gt;</c>, the executor output to <c>output_metadata.json</c>.</param>
    /// <param name="outputArtifactUri">The URI of each output artifact by name (see <see cref="ArtifactUris.ForOutput"/>).</param>
    public static ExecutorInput Create(ComponentSpec component, ResolvedTaskInputs inputs, string taskRoot, Func<string, string> outputArtifactUri)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(inputs);
        return new ExecutorInput
        {
            ParameterValues = inputs.ParameterValues,
            Artifacts = inputs.Artifacts,
            OutputParameterFiles = component.OutputParameters.Keys.ToDictionary(
                name => name, name => Path.Join(taskRoot, "outputs", name), StringComparer.Ordinal),
            OutputArtifacts = component.OutputArtifacts.ToDictionary(
                entry => entry.Key,
                entry => (IReadOnlyList<RuntimeArtifact>)
                [
                    new RuntimeArtifact
                    {
                        Name = entry.Key,
                        Type = entry.Value.ArtifactType,
                        Uri = outputArtifactUri(entry.Key),
                        Metadata = entry.Value.Metadata?.DeepClone().AsObject() ?? new JsonObject(),
                    },
                ],
                StringComparer.Ordinal),
            OutputFile = Path.Join(taskRoot, "output_metadata.json"),
        };
    }
}
