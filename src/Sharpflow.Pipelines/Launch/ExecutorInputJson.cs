using System.Text.Json.Nodes;
using Sharpflow.Pipelines.Ir;
using Sharpflow.Pipelines.Values;

namespace Sharpflow.Pipelines.Launch;

/// <summary>
/// The protobuf JSON of <c>ExecutorInput</c>, as <c>{{$}}</c> hands it to executors (and to
/// <c>kfp.dsl.executor_main</c>): camelCase field names, empty fields left out.
/// </summary>
internal static class ExecutorInputJson
{
    public static JsonObject ToJson(ExecutorInput input)
    {
        var inputs = new JsonObject();
        if (input.ParameterValues.Count > 0)
        {
            inputs["parameterValues"] = new JsonObject(input.ParameterValues.Select(p => Entry(p.Key, p.Value?.DeepClone())));
        }

        if (input.Artifacts.Count > 0)
        {
            inputs["artifacts"] = ArtifactMap(input.Artifacts);
        }

        var outputs = new JsonObject();
        if (input.OutputParameterFiles.Count > 0)
        {
            outputs["parameters"] = new JsonObject(input.OutputParameterFiles.Select(p =>
                Entry(p.Key, new JsonObject { ["outputFile"] = p.Value })));
        }

        if (input.OutputArtifacts.Count > 0)
        {
            outputs["artifacts"] = ArtifactMap(input.OutputArtifacts);
        }

        if (!string.IsNullOrEmpty(input.OutputFile))
        {
            outputs["outputFile"] = input.OutputFile;
        }

        var json = new JsonObject();
        if (inputs.Count > 0)
        {
            json["inputs"] = inputs;
        }

        if (outputs.Count > 0)
        {
            json["outputs"] = outputs;
        }

        return json;
    }

    /// <summary>Compact text, numbers in KFP's form.</summary>
    public static string ToText(ExecutorInput input) => KfpJson.Compact(ToJson(input));

    /// <summary>Reads the JSON back (camelCase or proto field names), e.g. to re-launch a task after a restart.</summary>
    public static ExecutorInput FromJson(JsonObject json)
    {
        var inputs = Field(json, "inputs") as JsonObject;
        var outputs = Field(json, "outputs") as JsonObject;
        var parameters = Field(inputs, "parameterValues", "parameter_values") as JsonObject;
        var outputParameters = Field(outputs, "parameters") as JsonObject;
        return new ExecutorInput
        {
            ParameterValues = parameters?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) ?? [],
            Artifacts = ReadArtifactMap(Field(inputs, "artifacts") as JsonObject),
            OutputParameterFiles = outputParameters?.ToDictionary(
                p => p.Key,
                p => (Field(p.Value as JsonObject, "outputFile", "output_file") as JsonValue)?.GetValue<string>() ?? string.Empty) ?? [],
            OutputArtifacts = ReadArtifactMap(Field(outputs, "artifacts") as JsonObject),
            OutputFile = (Field(outputs, "outputFile", "output_file") as JsonValue)?.GetValue<string>(),
        };
    }

    public static JsonObject ArtifactToJson(RuntimeArtifact artifact)
    {
        var json = new JsonObject();
        if (artifact.Name.Length > 0)
        {
            json["name"] = artifact.Name;
        }

        if (artifact.Type is { } type)
        {
            var typeJson = new JsonObject();
            AddIfSet(typeJson, "schemaTitle", type.SchemaTitle);
            AddIfSet(typeJson, "instanceSchema", type.InstanceSchema);
            AddIfSet(typeJson, "schemaVersion", type.SchemaVersion);
            json["type"] = typeJson;
        }

        if (artifact.Uri.Length > 0)
        {
            json["uri"] = artifact.Uri;
        }

        if (artifact.Metadata is not null)
        {
            json["metadata"] = artifact.Metadata.DeepClone();
        }

        return json;
    }

    public static RuntimeArtifact ArtifactFromJson(JsonObject json)
    {
        var type = Field(json, "type") as JsonObject;
        return new RuntimeArtifact
        {
            Name = Text(json, "name") ?? string.Empty,
            Uri = Text(json, "uri") ?? string.Empty,
            Metadata = Field(json, "metadata")?.DeepClone() as JsonObject,
            Type = type is null ? null : new ArtifactTypeSchema
            {
                SchemaTitle = Text(type, "schemaTitle", "schema_title"),
                SchemaVersion = Text(type, "schemaVersion", "schema_version"),
                InstanceSchema = Text(type, "instanceSchema", "instance_schema"),
            },
        };
    }

    internal static IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> ReadArtifactMap(JsonObject? map) =>
        map?.ToDictionary(
            entry => entry.Key,
            entry => (IReadOnlyList<RuntimeArtifact>)((Field(entry.Value as JsonObject, "artifacts") as JsonArray)?
                .OfType<JsonObject>().Select(ArtifactFromJson).ToList() ?? [])) ?? [];

    internal static JsonNode? Field(JsonObject? json, params string[] names)
    {
        foreach (var name in names)
        {
            if (json is not null && json.TryGetPropertyValue(name, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Text(JsonObject json, params string[] names) =>
        Field(json, names) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject ArtifactMap(IReadOnlyDictionary<string, IReadOnlyList<RuntimeArtifact>> artifacts) =>
        new(artifacts.Select(a => Entry(a.Key, new JsonObject
        {
            ["artifacts"] = new JsonArray([.. a.Value.Select(ArtifactToJson)]),
        })));

    private static void AddIfSet(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }

    private static KeyValuePair<string, JsonNode?> Entry(string key, JsonNode? value) => new(key, value);
}
