using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

/// <summary>Inputs as a finished upstream would leave them: parent values, task outputs by "task/key", final statuses.</summary>
internal sealed class FakeTaskInputSource : ITaskInputSource
{
    public Dictionary<string, JsonNode?> ParentParameters { get; } = [];

    public Dictionary<string, IReadOnlyList<RuntimeArtifact>> ParentArtifacts { get; } = [];

    public Dictionary<string, JsonNode?> OutputParameters { get; } = [];

    public Dictionary<string, IReadOnlyList<RuntimeArtifact>> OutputArtifacts { get; } = [];

    public Dictionary<string, JsonObject> FinalStatuses { get; } = [];

    public bool TryGetParentParameter(string name, out JsonNode? value) => ParentParameters.TryGetValue(name, out value);

    public bool TryGetParentArtifacts(string name, out IReadOnlyList<RuntimeArtifact> artifacts) => TryGet(ParentArtifacts, name, out artifacts);

    public bool TryGetTaskOutputParameter(string producerTask, string outputKey, out JsonNode? value) =>
        OutputParameters.TryGetValue($"{producerTask}/{outputKey}", out value);

    public bool TryGetTaskOutputArtifacts(string producerTask, string outputKey, out IReadOnlyList<RuntimeArtifact> artifacts) =>
        TryGet(OutputArtifacts, $"{producerTask}/{outputKey}", out artifacts);

    public bool TryGetTaskFinalStatus(string producerTask, out JsonObject status) =>
        FinalStatuses.TryGetValue(producerTask, out status!);

    private static bool TryGet(Dictionary<string, IReadOnlyList<RuntimeArtifact>> map, string key, out IReadOnlyList<RuntimeArtifact> artifacts)
    {
        var found = map.TryGetValue(key, out var list);
        artifacts = list ?? [];
        return found;
    }
}
