using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Ir;

/// <summary>A parsed pipeline file: the PipelineSpec and, when present, the platform document.</summary>
public sealed record PipelinePackage
{
    public required PipelineSpec Spec { get; init; }

    /// <summary>The PipelineSpec document as it was read, for storing and returning unchanged.</summary>
    public required JsonObject SpecJson { get; init; }

    /// <summary>The second document, <c>{platforms: {kubernetes: {deploymentSpec: {executors: ...}, pipelineConfig: ...}}}</c>.</summary>
    public JsonObject? PlatformSpec { get; init; }

    /// <summary>
    /// The <c>KubernetesExecutorConfig</c> for an executor label (secrets, volumes, node selectors, ...),
    /// or null. Kept as JSON: only a Kubernetes runtime maps it; local runs report what they ignore.
    /// </summary>
    public JsonObject? KubernetesExecutorConfig(string executorLabel) =>
        Child(Child(Child(Child(PlatformSpec, "platforms"), "kubernetes"), "deploymentSpec"), "executors") is { } executors
            ? Child(executors, executorLabel)
            : null;

    /// <summary><c>platforms.kubernetes.pipelineConfig</c> (workspace size and PVC patch), or null.</summary>
    public JsonObject? KubernetesPipelineConfig => Child(Child(Child(PlatformSpec, "platforms"), "kubernetes"), "pipelineConfig");

    private static JsonObject? Child(JsonObject? parent, string name) =>
        parent is not null && parent.TryGetPropertyValue(name, out var child) ? child as JsonObject : null;
}
