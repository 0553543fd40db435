using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Cli.Runs;

/// <summary>Writes a run's pipeline outputs: parameters as <c>name = value</c>, artifacts as <c>name: uri</c>.</summary>
internal static class RunOutputsWriter
{
    /// <param name="labelWidth">The column where "&lt;none&gt;" goes when there are no outputs (to line up with other fields).</param>
    public static void Write(TextWriter writer, RunOutputs? outputs, int labelWidth = 0)
    {
        const string indent = "  ";
        var parameters = outputs?.Parameters ?? [];
        var artifacts = outputs?.Artifacts ?? [];
        if (parameters.Count == 0 && artifacts.Count == 0)
        {
            writer.WriteLine("Outputs:".PadRight(Math.Max(labelWidth, "Outputs: ".Length)) + "<none>");
            return;
        }

        writer.WriteLine("Outputs:");
        foreach (var (name, value) in parameters)
        {
            writer.WriteLine($"{indent}{name} = {Value(value)}");
        }

        foreach (var (name, list) in artifacts)
        {
            var uris = (list as JsonArray ?? []).Select(a => a?["uri"]?.GetValue<string>()).Where(u => u is not null).ToList();
            writer.WriteLine($"{indent}{name} (artifact): {(uris.Count == 0 ? "-" : string.Join(", ", uris))}");
        }
    }

    /// <summary>Strings as they are; numbers, booleans, lists and structs as compact JSON.</summary>
    public static string Value(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : ParameterValues.ToText(value);
}
