using System.Text.Json;
using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sharpflow.Api.Serialization;

/// <summary>
/// YAML as Kubernetes users write it: multi-document files read into JSON objects (YAML 1.2 core
/// schema scalars), and JSON written back as block YAML. Errors carry the line and column.
/// </summary>
public static class ResourceYaml
{
    /// <summary>Reads every non-empty document. Throws a 400 <see cref="ResourceException"/> naming line and column.</summary>
    public static IReadOnlyList<JsonObject> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw ResourceException.BadRequest(
                $"malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}");
        }

        var documents = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            var node = YamlJsonConverter.ToJson(document.RootNode);
            switch (node)
            {
                case null:
                    continue;
                case JsonObject obj:
                    documents.Add(obj);
                    break;
                default:
                    var start = document.RootNode.Start;
                    throw ResourceException.BadRequest(
                        $"malformed YAML at line {start.Line}, column {start.Column}: a document must be a mapping with apiVersion, kind and metadata");
            }
        }

        return documents;
    }

    /// <summary>Reads a single object; more or fewer than one document is an error.</summary>
    public static JsonObject ParseObject(string yaml)
    {
        var documents = ParseDocuments(yaml);
        return documents.Count == 1
            ? documents[0]
            : throw ResourceException.BadRequest($"expected one YAML document, found {documents.Count}");
    }

    public static string Serialize(JsonNode? node) => YamlJsonConverter.ToYaml(node);

    public static string Serialize(Resource resource) =>
        Serialize(JsonSerializer.SerializeToNode(resource, ApiJsonContext.Default.Resource));

    /// <summary>Turns a parsed document into a resource, naming the field when its shape is wrong.</summary>
    public static Resource ToResource(JsonObject document)
    {
        RequireString(document, "apiVersion");
        RequireString(document, "kind");
        try
        {
            return document.Deserialize(ApiJsonContext.Default.Resource)
                ?? throw ResourceException.BadRequest("the document is empty");
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.');
            throw ResourceException.BadRequest($"field {field} has the wrong type: {FirstSentence(e.Message)}", field);
        }
    }

    private static void RequireString(JsonObject document, string field)
    {
        if (document[field] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
        {
            throw ResourceException.BadRequest($"{field} is required and must be a string (e.g. apiVersion: v1, kind: ConfigMap)", field);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
