using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>A task's inputs after binding: what goes into its executor input (optional inputs without a value are absent).</summary>
internal sealed record ResolvedTaskInputs(
    IReadOnlyDictionary<string, JsonNode?> ParameterValues,
    IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> Artifacts);
