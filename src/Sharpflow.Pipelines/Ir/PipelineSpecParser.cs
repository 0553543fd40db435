using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Serialization;

namespace Sharpflow.Pipelines.Ir;

/// <summary>
/// Reads compiled KFP pipelines: the multi-document YAML the SDK writes (PipelineSpec, then an optional
/// <c>platforms</c> document), the same as JSON, or the REST form <c>{pipeline_spec, platform_spec}</c>.
/// Unknown fields are ignored; a field of the wrong shape is a 400 naming its path.
/// </summary>
public static class PipelineSpecParser
{
    /// <summary>Fields whose values are arbitrary JSON, where null is a value rather than "absent".</summary>
    private static readonly HashSet<string> JsonValuedFields = ["constant", "defaultValue", "metadata", "literals", "lifecycle", "customJob"];

    public static PipelinePackage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        IReadOnlyList<JsonObject> documents = trimmed.StartsWith("{") ? [ParseJsonText(text)] : ResourceYaml.ParseDocuments(text);

        JsonObject? spec = null;
        JsonObject? platforms = null;
        foreach (var document in documents)
        {
            if (IsPlatformDocument(document))
            {
                platforms = platforms is null ? document : throw ResourceException.BadRequest("the pipeline file has more than one platforms document");
            }
            else
            {
                spec = spec is null ? document : throw ResourceException.BadRequest(
                    "the pipeline file has more than one PipelineSpec document; expected the PipelineSpec and at most one platforms document");
            }
        }

        return spec is null
            ? throw ResourceException.BadRequest("the pipeline file holds no PipelineSpec (expected pipelineInfo, root, components and deploymentSpec)")
            : Parse(spec, platforms);
    }

    /// <summary>
    /// Reads a PipelineSpec given as JSON, or the wrapper <c>{pipeline_spec, platform_spec}</c> that
    /// <c>kfp.Client</c> sends when the file had a platforms document.
    /// </summary>
    public static PipelinePackage Parse(JsonObject document, JsonObject? platformSpec = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.ContainsKey("root") && !document.ContainsKey("pipelineInfo")
            && (Child(document, "pipeline_spec") ?? Child(document, "pipelineSpec")) is { } inner)
        {
            platformSpec ??= Child(document, "platform_spec") ?? Child(document, "platformSpec");
            document = inner;
        }

        var clean = (JsonObject)document.DeepClone();
        RemoveNulls(clean);
        PipelineSpec spec;
        try
        {
            spec = clean.Deserialize(PipelineJsonContext.Default.PipelineSpec)
                ?? throw ResourceException.BadRequest("the PipelineSpec document is empty");
        }
        catch (JsonException e)
        {
            var field = FieldPath(e.Path);
            throw ResourceException.BadRequest($"field {field} has the wrong type: {FirstSentence(e.Message)}", field);
        }

        return new PipelinePackage { Spec = spec, SpecJson = document, PlatformSpec = platformSpec };
    }

    private static JsonObject ParseJsonText(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ResourceException.BadRequest("a pipeline given as JSON must be an object");
        }
        catch (JsonException e)
        {
            throw ResourceException.BadRequest(
                $"malformed JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }
    }

    private static bool IsPlatformDocument(JsonObject document) =>
        document.ContainsKey("platforms") && !document.ContainsKey("root") && !document.ContainsKey("pipelineInfo");

    /// <summary>In protobuf JSON a null message or list field means "not set"; dropping them keeps defaults in place.</summary>
    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null && !JsonValuedFields.Contains(p.Key)).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (key, value) in obj)
                {
                    if (!JsonValuedFields.Contains(key))
                    {
                        RemoveNulls(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }

    private static JsonObject? Child(JsonObject parent, string name) =>
        parent.TryGetPropertyValue(name, out var child) ? child as JsonObject : null;

    /// <summary>"$.components['comp-a'].dag" → "components.comp-a.dag".</summary>
    internal static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                i++;
                continue;
            }

            if (jsonPath.AsSpan(i).StartsWith("['"))
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? jsonPath.Length : end;
                Append(builder, jsonPath[(i + 2)..end]);
                i = end + 2;
                continue;
            }

            if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                end = end < 0 ? jsonPath.Length : end;
                builder.Append(jsonPath, i, end - i + 1);
                i = end + 1;
                continue;
            }

            var next = jsonPath.IndexOfAny(['.', '['], i);
            next = next < 0 ? jsonPath.Length : next;
            Append(builder, jsonPath[i..next]);
            i = next;
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string segment)
    {
        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(segment);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
