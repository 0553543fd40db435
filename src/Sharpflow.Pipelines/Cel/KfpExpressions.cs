using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Launch;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Cel;

/// <summary>
/// The two places KFP evaluates CEL, with the variables its backend binds
/// (<c>backend/src/v2/expression/expression.go</c>): trigger conditions over the task's executor input,
/// and parameter expression selectors over one <c>google.protobuf.Value</c>.
/// </summary>
internal static class KfpExpressions
{
    private const int MaxParsed = 4096;

    private static readonly ConcurrentDictionary<string, CelExpression> Parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Evaluates a <c>triggerPolicy.condition</c>. The variables are the fields of <c>ExecutorInput</c> by
    /// their proto names: <c>inputs.parameter_values['x']</c>, <c>inputs.artifacts['a'].artifacts[0].metadata['k']</c>,
    /// <c>outputs.parameters['y'].output_file</c>. The result must be a bool.
    /// </summary>
    /// <exception cref="CelException">The condition does not parse, fails, or is not a bool.</exception>
    public static bool EvaluateCondition(string condition, ExecutorInput input)
    {
        var inputs = CelValue.Of(
        [
            Entry("parameter_values", CelValue.Of(input.ParameterValues.Select(p => Entry(p.Key, CelJson.FromJson(p.Value))))),
            Entry("artifacts", ArtifactMap(input.Artifacts)),
            Entry("parameters", CelValue.Of(Array.Empty<KeyValuePair<string, CelValue>>())),
        ]);
        var outputs = CelValue.Of(
        [
            Entry("parameters", CelValue.Of(input.OutputParameterFiles.Select(p =>
                Entry(p.Key, CelValue.Of([Entry("output_file", CelValue.Of(p.Value))]))))),
            Entry("artifacts", ArtifactMap(input.OutputArtifacts)),
            Entry("output_file", CelValue.Of(input.OutputFile ?? string.Empty)),
        ]);
        var result = Parse(condition).Evaluate(new Dictionary<string, CelValue> { ["inputs"] = inputs, ["outputs"] = outputs });
        return result.Kind == CelKind.Bool
            ? result.AsBool
            : throw new CelException($"the condition must evaluate to a bool, got {result.TypeName} {result}", -1);
    }

    /// <summary>
    /// Applies a <c>parameterExpressionSelector</c> to a parameter value. The variables are the set field of
    /// the <c>google.protobuf.Value</c> (<c>string_value</c>, <c>number_value</c>, <c>bool_value</c>,
    /// <c>list_value</c>, <c>struct_value</c> or <c>null_value</c>), and <c>string_value</c> always holds the
    /// value's text (JSON for lists and structs), so <c>parseJson(string_value)["A_a"]</c> reads a struct field.
    /// </summary>
    /// <exception cref="CelException">The selector does not parse or fails.</exception>
    public static JsonNode? Select(JsonNode? value, string selector)
    {
        var variables = new Dictionary<string, CelValue>(StringComparer.Ordinal);
        var cel = CelJson.FromJson(value);
        var field = cel.Kind switch
        {
            CelKind.Null => "null_value",
            CelKind.Bool => "bool_value",
            CelKind.Double => "number_value",
            CelKind.String => "string_value",
            CelKind.List => "list_value",
            _ => "struct_value",
        };
        variables[field] = cel;
        variables["string_value"] = CelValue.Of(ParameterValues.ToText(value));
        return CelJson.ToJson(Parse(selector).Evaluate(variables));
    }

    /// <summary>Parses once per distinct expression: a loop evaluates the same selector for every iteration.</summary>
    public static CelExpression Parse(string expression)
    {
        if (Parsed.TryGetValue(expression, out var parsed))
        {
            return parsed;
        }

        if (Parsed.Count >= MaxParsed)
        {
            Parsed.Clear();
        }

        return Parsed.GetOrAdd(expression, CelExpression.Parse);
    }

    private static CelValue ArtifactMap(IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> artifacts) =>
        CelValue.Of(artifacts.Select(a => Entry(a.Key, CelValue.Of(
        [
            Entry("artifacts", CelValue.Of(a.Value.Select(Artifact).ToList())),
        ]))));

    private static CelValue Artifact(RuntimeArtifact artifact) => CelValue.Of(
    [
        Entry("name", CelValue.Of(artifact.Name)),
        Entry("uri", CelValue.Of(artifact.Uri)),
        Entry("type", CelValue.Of(
        [
            Entry("schema_title", CelValue.Of(artifact.Type?.SchemaTitle ?? string.Empty)),
            Entry("schema_version", CelValue.Of(artifact.Type?.SchemaVersion ?? string.Empty)),
        ])),
        Entry("metadata", artifact.Metadata is null ? CelValue.Of(Array.Empty<KeyValuePair<string, CelValue>>()) : CelJson.FromJson(artifact.Metadata)),
    ]);

    private static KeyValuePair<string, CelValue> Entry(string key, CelValue value) => new(key, value);
}
