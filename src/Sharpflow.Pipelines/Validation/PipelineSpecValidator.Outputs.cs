using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Validation;

public sealed partial class PipelineSpecValidator
{
    private void ValidateDagOutputs(string path, string? ownerName, ComponentSpec owner)
    {
        var outputs = owner.Dag!.Outputs;
        var tasks = owner.Dag.Tasks;
        foreach (var (name, output) in outputs?.Parameters ?? new Dictionary<string, DagOutputParameterSpec>())
        {
            var outputPath = $"{path}.outputs.parameters.{name}";
            if (!owner.OutputParameters.ContainsKey(name))
            {
                Add(outputPath, $"{Owner(ownerName)} declares no output parameter \"{name}\"");
            }

            if ((output.ValueFromParameter is null) == (output.ValueFromOneof is null))
            {
                Add(outputPath, "needs exactly one of valueFromParameter or valueFromOneof");
            }

            if (output.ValueFromOneof is { ParameterSelectors.Count: 0 })
            {
                Add($"{outputPath}.valueFromOneof", "needs at least one parameter selector");
            }

            var selectors = (output.ValueFromOneof?.ParameterSelectors ?? []).Prepend(output.ValueFromParameter).OfType<ParameterSelector>();
            foreach (var selector in selectors)
            {
                ValidateOutputSelector(outputPath, tasks, selector.ProducerSubtask, selector.OutputParameterKey, artifact: false);
            }
        }

        foreach (var (name, output) in outputs?.Artifacts ?? new Dictionary<string, DagOutputArtifactSpec>())
        {
            var outputPath = $"{path}.outputs.artifacts.{name}";
            if (!owner.OutputArtifacts.ContainsKey(name))
            {
                Add(outputPath, $"{Owner(ownerName)} declares no output artifact \"{name}\"");
            }

            if (output.ArtifactSelectors.Count == 0)
            {
                Add(outputPath, "needs at least one artifact selector");
            }

            foreach (var selector in output.ArtifactSelectors)
            {
                ValidateOutputSelector(outputPath, tasks, selector.ProducerSubtask, selector.OutputArtifactKey, artifact: true);
            }
        }

        foreach (var name in owner.OutputParameters.Keys.Where(n => outputs?.Parameters.ContainsKey(n) != true))
        {
            Add($"{path}.outputs.parameters.{name}", $"{Owner(ownerName)} declares output parameter \"{name}\" but the DAG does not say which task produces it");
        }

        foreach (var name in owner.OutputArtifacts.Keys.Where(n => outputs?.Artifacts.ContainsKey(n) != true))
        {
            Add($"{path}.outputs.artifacts.{name}", $"{Owner(ownerName)} declares output artifact \"{name}\" but the DAG does not say which task produces it");
        }
    }

    private void ValidateOutputSelector(string path, IReadOnlyDictionary<string, PipelineTaskSpec> tasks, string? producer, string? key, bool artifact)
    {
        var kind = artifact ? "output artifact" : "output parameter";
        if (string.IsNullOrEmpty(producer) || !tasks.TryGetValue(producer, out var task))
        {
            Add(path, $"producer subtask \"{producer}\" is not a task of this DAG");
            return;
        }

        if (_spec.ComponentOf(task) is { } component
            && !(artifact ? component.OutputArtifacts.ContainsKey(key ?? string.Empty) : component.OutputParameters.ContainsKey(key ?? string.Empty)))
        {
            Add(path, $"task \"{producer}\" (component \"{task.ComponentRef!.Name}\") has no {kind} \"{key}\"");
        }
    }
}
