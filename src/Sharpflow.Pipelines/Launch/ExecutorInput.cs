using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// What a task's executor receives (<c>ExecutorInput</c>): resolved input parameter values and artifacts,
/// and where to write outputs. <see cref="ExecutorInputJson"/> gives its KFP JSON form.
/// </summary>
internal sealed record ExecutorInput
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> NoArtifacts =
        new Dictionary<string, IReadOnlyList<RuntimeArtifact>>();

    /// <summary>Input parameters by name; optional inputs without a value are absent.</summary>
    public IReadOnlyDictionary<string, JsonNode?> ParameterValues { get; init; } = new Dictionary<string, JsonNode?>();

    public IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> Artifacts { get; init; } = NoArtifacts;

    /// <summary>For each output parameter, the file the executor writes its value to.</summary>
    public IReadOnlyDictionary<string, string> OutputParameterFiles { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> OutputArtifacts { get; init; } = NoArtifacts;

    /// <summary>Where the executor may write an <c>ExecutorOutput</c> JSON, which then takes precedence.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Inputs that count as present for <c>IfPresent</c>: a non-null parameter value or at least one artifact.</summary>
    public IReadOnlySet<string> PresentInputs() =>
        ParameterValues.Where(p => p.Value is not null).Select(p => p.Key)
            .Concat(Artifacts.Where(a => a.Value.Count > 0).Select(a => a.Key))
            .ToHashSet(StringComparer.Ordinal);
}
