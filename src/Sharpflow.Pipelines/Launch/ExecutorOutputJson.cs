using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharpflow.Pipelines.Launch;

/// <summary>Reads an <c>ExecutorOutput</c> file: <c>parameterValues</c>, the deprecated <c>parameters</c> (intValue/doubleValue/stringValue) and <c>artifacts</c>.</summary>
internal static class ExecutorOutputJson
{
    public static ExecutorOutput Parse(string text, string path)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject ?? throw new LaunchException($"the executor output {path} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new LaunchException($"the executor output {path} is not valid JSON: {e.Message}", e);
        }

        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (ExecutorInputJson.Field(json, "parameters") is JsonObject legacy)
        {
            foreach (var (name, value) in legacy)
            {
                values[name] = Legacy(value as JsonObject);
            }
        }

        if (ExecutorInputJson.Field(json, "parameterValues", "parameter_values") is JsonObject parameters)
        {
            foreach (var (name, value) in parameters)
            {
                values[name] = value?.DeepClone();
            }
        }

        return new ExecutorOutput
        {
            ParameterValues = values,
            Artifacts = ExecutorInputJson.ReadArtifactMap(ExecutorInputJson.Field(json, "artifacts") as JsonObject),
        };
    }

    /// <summary>The deprecated <c>ml_pipelines.Value</c>: one of intValue, doubleValue, stringValue.</summary>
    private static JsonNode? Legacy(JsonObject? value) =>
        ExecutorInputJson.Field(value, "intValue", "int_value", "doubleValue", "double_value", "stringValue", "string_value") switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String
                && ExecutorInputJson.Field(value, "intValue", "int_value") is not null
                && long.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            var v => v?.DeepClone(),
        };
}
