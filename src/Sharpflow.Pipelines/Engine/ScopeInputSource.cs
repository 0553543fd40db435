using System.Text.Json.Nodes;
using Sharpflow.Core.Executions;
using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Engine;

/// <summary>The values a task of one DAG instance binds its inputs to: the instance's inputs and its sibling tasks' results.</summary>
internal sealed class ScopeInputSource(RunContext run, DagScope scope) : ITaskInputSource
{
    public bool TryGetParentParameter(string name, out JsonNode? value) =>
        scope.Parameters.TryGetValue(name, out value) && value is not null;

    public bool TryGetParentArtifacts(string name, out IReadOnlyList<RuntimeArtifact> artifacts)
    {
        if (scope.Artifacts.TryGetValue(name, out var found))
        {
            artifacts = found;
            return true;
        }

        artifacts = [];
        return false;
    }

    public bool TryGetTaskOutputParameter(string producerTask, string outputKey, out JsonNode? value)
    {
        value = null;
        return scope.Find(producerTask) is { } producer && producer.State.HasOutputs()
            && producer.Outputs.Parameters.TryGetValue(outputKey, out value) && value is not null;
    }

    public bool TryGetTaskOutputArtifacts(string producerTask, string outputKey, out IReadOnlyList<RuntimeArtifact> artifacts)
    {
        artifacts = [];
        if (scope.Find(producerTask) is { } producer && producer.State.HasOutputs()
            && producer.Outputs.Artifacts.TryGetValue(outputKey, out var found))
        {
            artifacts = found;
            return true;
        }

        return false;
    }

    public bool TryGetTaskFinalStatus(string producerTask, out JsonObject status)
    {
        status = [];
        if (scope.Find(producerTask) is not { } producer || !producer.State.IsFinal())
        {
            return false;
        }

        status = FinalStatus.Of(producer, run.Name);
        return true;
    }
}
