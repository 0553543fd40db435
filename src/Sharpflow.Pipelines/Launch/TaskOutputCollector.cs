using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// Reads what an executor produced, as KFP's launcher does: the <c>ExecutorOutput</c> file when it exists
/// takes precedence for each parameter it sets; other output parameters are read from their files and
/// parsed by declared type; output artifacts take the URI and merged metadata the executor reported.
/// </summary>
internal static class TaskOutputCollector
{
    /// <param name="readFile">Returns a file's text, or null when the file does not exist.</param>
    public static TaskOutputs Collect(ExecutorInput input, ComponentSpec component, Func<string, string?> readFile)
    {
        var reported = input.OutputFile is { Length: > 0 } outputFile && readFile(outputFile) is { } text
            ? ExecutorOutputJson.Parse(text, outputFile)
            : new ExecutorOutput();

        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, file) in input.OutputParameterFiles)
        {
            var type = component.OutputParameters.TryGetValue(name, out var definition) ? definition.ParameterType : ParameterType.String;
            if (reported.ParameterValues.TryGetValue(name, out var value))
            {
                parameters[name] = value;
                continue;
            }

            var content = readFile(file)
                ?? throw new LaunchException($"output parameter \"{name}\" was not produced: the task did not write {file}");
            try
            {
                parameters[name] = ParameterValues.ParseText(content, type);
            }
            catch (FormatException e)
            {
                throw new LaunchException($"output parameter \"{name}\" ({type.ProtoName()}) in {file}: {e.Message}", e);
            }
        }

        var artifacts = input.OutputArtifacts.ToDictionary(
            entry => entry.Key,
            entry => Merge(entry.Value, reported.Artifacts.GetValueOrDefault(entry.Key)),
            StringComparer.Ordinal);
        return new TaskOutputs { Parameters = parameters, Artifacts = artifacts };
    }

    /// <summary>The executor's first reported artifact updates each planned one: a non-empty URI replaces, metadata keys are merged.</summary>
    private static IReadOnlyList<RuntimeArtifact> Merge(IReadOnlyList<RuntimeArtifact> planned, IReadOnlyList<RuntimeArtifact>? reported)
    {
        if (reported is not { Count: > 0 })
        {
            return planned;
        }

        var update = reported[0];
        return [.. planned.Select(artifact => artifact with
        {
            Uri = update.Uri.Length > 0 ? update.Uri : artifact.Uri,
            Metadata = MergeMetadata(artifact.Metadata, update.Metadata),
        })];
    }

    private static JsonObject? MergeMetadata(JsonObject? planned, JsonObject? reported)
    {
        if (reported is null)
        {
            return planned;
        }

        var merged = planned?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in reported)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}
