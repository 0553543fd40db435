using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>The values a task's inputs can be bound to, as the engine knows them when the task is ready.</summary>
internal interface ITaskInputSource
{
    /// <summary>An input parameter of the enclosing DAG component (pipeline parameters at the root); false when it has no value.</summary>
    bool TryGetParentParameter(string name, out JsonNode? value);

    bool TryGetParentArtifacts(string name, out IReadOnlyList<RuntimeArtifact> artifacts);

    /// <summary>An output of a sibling task; false when the producer did not produce it (failed, skipped, not run).</summary>
    bool TryGetTaskOutputParameter(string producerTask, string outputKey, out JsonNode? value);

    bool TryGetTaskOutputArtifacts(string producerTask, string outputKey, out IReadOnlyList<RuntimeArtifact> artifacts);

    /// <summary>The final status of a sibling task (see <see cref="TaskFinalStatusValue"/>); false when it has not finished.</summary>
    bool TryGetTaskFinalStatus(string producerTask, out JsonObject status);
}
