using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Validation;

public sealed partial class PipelineSpecValidator
{
    private void ValidateIterators(string path, PipelineTaskSpec task, string? componentName, ComponentSpec? component)
    {
        if (task.ParameterIterator is not null && task.ArtifactIterator is not null)
        {
            Add(path, "sets both parameterIterator and artifactIterator; a loop iterates over one");
        }

        if (task.ParameterIterator is { } parameters)
        {
            var iteratorPath = $"{path}.parameterIterator";
            var items = parameters.Items;
            if (items is null || (items.Raw is null) == (items.InputParameter is null))
            {
                Add($"{iteratorPath}.items", "needs exactly one of raw or inputParameter");
            }
            else if (items.Raw is not null && RawItemsProblem(items.Raw) is { } problem)
            {
                Add($"{iteratorPath}.items.raw", problem);
            }
            else if (items.InputParameter is { } input && !task.InputParameters.ContainsKey(input))
            {
                Add($"{iteratorPath}.items.inputParameter", $"\"{input}\" is not an input parameter of the task");
            }

            if (string.IsNullOrEmpty(parameters.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", "is required: the loop component's input that receives each item");
            }
            else if (component is not null && !component.InputParameters.ContainsKey(parameters.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", $"component \"{componentName}\" declares no input parameter \"{parameters.ItemInput}\"");
            }
        }

        if (task.ArtifactIterator is { } artifacts)
        {
            var iteratorPath = $"{path}.artifactIterator";
            if (artifacts.Items?.InputArtifact is not { Length: > 0 } input)
            {
                Add($"{iteratorPath}.items.inputArtifact", "is required: the input artifact list to iterate over");
            }
            else if (!task.InputArtifacts.ContainsKey(input))
            {
                Add($"{iteratorPath}.items.inputArtifact", $"\"{input}\" is not an input artifact of the task");
            }

            if (string.IsNullOrEmpty(artifacts.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", "is required: the loop component's input that receives each artifact");
            }
            else if (component is not null && !component.InputArtifacts.ContainsKey(artifacts.ItemInput))
            {
                Add($"{iteratorPath}.itemInput", $"component \"{componentName}\" declares no input artifact \"{artifacts.ItemInput}\"");
            }
        }

        if (task.IteratorPolicy is { ParallelismLimit: < 0 })
        {
            Add($"{path}.iteratorPolicy.parallelismLimit", "must not be negative (0 means no limit)");
        }
    }

    private static string? RawItemsProblem(string raw)
    {
        try
        {
            return JsonNode.Parse(raw) is JsonArray ? null : "must be a JSON array";
        }
        catch (JsonException e)
        {
            return $"must be a JSON array: {e.Message}";
        }
    }

    private void ValidateRetry(string path, PipelineTaskSpec task)
    {
        if (task.RetryPolicy is not { } retry)
        {
            return;
        }

        if (retry.MaxRetryCount < 0)
        {
            Add($"{path}.retryPolicy.maxRetryCount", "must not be negative");
        }

        if (retry.BackoffFactor < 0)
        {
            Add($"{path}.retryPolicy.backoffFactor", "must not be negative");
        }

        foreach (var (field, value) in new[] { ("backoffDuration", retry.BackoffDuration), ("backoffMaxDuration", retry.BackoffMaxDuration) })
        {
            if (!string.IsNullOrEmpty(value) && (!ProtoDuration.TryParse(value, out var duration) || duration < TimeSpan.Zero))
            {
                Add($"{path}.retryPolicy.{field}", $"\"{value}\" is not a duration in seconds such as \"30s\" or \"1.5s\"");
            }
        }
    }
}
