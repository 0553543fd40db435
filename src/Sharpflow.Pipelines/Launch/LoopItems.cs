using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;

namespace Sharpflow.Pipelines.Launch;

/// <summary>The items a ParallelFor iterates over, one per iteration, bound to the loop component's item input.</summary>
internal static class LoopItems
{
    /// <summary>
    /// Items of a parameter iterator: the raw JSON array, or the loop task's input named by
    /// <c>items.inputParameter</c>, which must be a list (or a string holding a JSON array).
    /// </summary>
    public static IReadOnlyList<JsonNode?> Expand(ParameterIteratorSpec iterator, IReadOnlyDictionary<string, JsonNode?> loopInputs)
    {
        ArgumentNullException.ThrowIfNull(iterator);
        if (iterator.Items?.Raw is { } raw)
        {
            return Items(Parse(raw, "parameterIterator.items.raw"), "parameterIterator.items.raw");
        }

        var name = iterator.Items?.InputParameter ?? throw new LaunchException("the parameter iterator names no items");
        if (!loopInputs.TryGetValue(name, out var value) || value is null)
        {
            throw new LaunchException($"the loop iterates over input \"{name}\", which has no value");
        }

        return value is JsonValue text && text.TryGetValue<string>(out var json)
            ? Items(Parse(json, $"input \"{name}\""), $"input \"{name}\"")
            : Items(value, $"input \"{name}\"");
    }

    /// <summary>Items of an artifact iterator: each artifact of the list input, as a one-artifact list.</summary>
    public static IReadOnlyList<IReadOnlyList<RuntimeArtifact>> Expand(
        ArtifactIteratorSpec iterator, IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> loopArtifacts)
    {
        ArgumentNullException.ThrowIfNull(iterator);
        var name = iterator.Items?.InputArtifact ?? throw new LaunchException("the artifact iterator names no items");
        return loopArtifacts.TryGetValue(name, out var list)
            ? [.. list.Select(artifact => (IReadOnlyList<RuntimeArtifact>)[artifact])]
            : throw new LaunchException($"the loop iterates over input artifact \"{name}\", which has no value");
    }

    private static JsonNode? Parse(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new LaunchException($"the loop items in {what} are not valid JSON: {e.Message}", e);
        }
    }

    private static List<JsonNode?> Items(JsonNode? value, string what) =>
        value is JsonArray array
            ? [.. array.Select(item => item?.DeepClone())]
            : throw new LaunchException($"the loop items in {what} must be a list, got {Values.ParameterValues.KindOf(value)}");
}
