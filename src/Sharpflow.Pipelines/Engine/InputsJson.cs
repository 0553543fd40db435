using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>The recorded form of what an execution received: <c>{"parameters": {...}, "artifacts": {...}}</c>.</summary>
internal static class InputsJson
{
    public static string Of(
        IReadOnlyDictionary<string, JsonNode?> parameters,
        IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>>? artifacts) =>
        new NodeOutputs
        {
            Parameters = parameters,
            Artifacts = artifacts ?? new Dictionary<string, IReadOnlyList<RuntimeArtifact>>(),
        }.ToJsonText();
}
